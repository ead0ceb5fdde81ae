import { AssignAgreementBodySchema, type Agreement, type AuditChange } from '@pardev/contracts';
import { Alert, Modal, MultiSelect, Select, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangeList } from '../../../components/change-list';
import { FormActions } from '../../../components/form-actions';
import { FormFailureAlert } from '../../../components/form-failure-alert';
import { isApiError } from '../../../lib/api-error';
import { clearButtonProps } from '../../../lib/clear-button';
import { applyServerFieldErrors, formRules } from '../../../lib/form-validation';
import { sameValue } from '../../../lib/record-fields';
import { staffOptions, useStaff, useStaffNames } from '../../../lib/staff-directory';
import { useAssignAgreement, useReloadAgreement } from '../api/agreements';

interface Values {
  responsibleOfficerId: string | null;
  delegateIds: string[];
  version: number;
}

const MaxDelegates = 10;
const fieldLabelKeys = {
  responsibleOfficerId: 'agreements.fields.responsibleOfficer',
  delegateIds: 'agreements.fields.delegates',
} as const;
const rules = formRules<Values>(AssignAgreementBodySchema, fieldLabelKeys);

const valuesOf = (agreement: Agreement): Values => ({
  responsibleOfficerId: agreement.responsibleOfficerId,
  delegateIds: [...agreement.delegateIds],
  version: agreement.version,
});

const ResponsibilityForm = ({ agreement, onClose }: { agreement: Agreement; onClose: () => void }) => {
  const { t } = useTranslation();
  const assign = useAssignAgreement();
  const reload = useReloadAgreement();
  const officers = useStaff('officer');
  const { nameOf } = useStaffNames();
  const [theirs, setTheirs] = useState<AuditChange[] | null>(null);
  const form = useForm<Values>({
    initialValues: valuesOf(agreement),
    validate: rules.validate,
    validateInputOnChange: true,
  });

  const submit = form.onSubmit((values) => {
    assign.mutate(
      { id: agreement.id, body: AssignAgreementBodySchema.parse(values) },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: 'green',
            message: t('agreements.responsibility.saved', { reference: saved.reference }),
          });
          onClose();
        },
        onError: (error) => {
          if (isApiError(error) && error.code === 'VERSION_CONFLICT') {
            // Someone saved first: load their version, show what they changed, keep the choice made here.
            reload.mutate(agreement.id, {
              onSuccess: (latest) => {
                setTheirs(
                  (['responsibleOfficerId', 'delegateIds'] as const)
                    .filter((field) => !sameValue(agreement[field], latest[field]))
                    .map((field) => ({ field, before: agreement[field], after: latest[field] })),
                );
                form.setFieldValue('version', latest.version);
                assign.reset();
              },
            });
          } else if (isApiError(error)) applyServerFieldErrors(form, error, fieldLabelKeys);
        },
      },
    );
  });

  const { responsibleOfficerId, delegateIds } = form.values;
  const options = staffOptions(officers.data ?? [], nameOf, [responsibleOfficerId, ...delegateIds]);
  const failed = assign.isError && !(isApiError(assign.error) && assign.error.code === 'VERSION_CONFLICT');

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="md">
        {theirs && (
          <Alert color="orange" variant="light" role="status" title={t('agreements.conflict.title')}>
            <Stack gap="xs">
              {theirs.length > 0 ? (
                <>
                  <Text size="sm">{t('agreements.conflict.theirChanges')}</Text>
                  <ChangeList entityType="agreement" changes={theirs} />
                </>
              ) : (
                <Text size="sm">{t('agreements.conflict.noOverlap')}</Text>
              )}
              <Text size="sm">{t('agreements.conflict.saveAgain')}</Text>
            </Stack>
          </Alert>
        )}
        {failed && (
          <FormFailureAlert
            id="agreement-responsibility-error"
            title={t('agreements.responsibility.failed')}
            error={assign.error}
            isFormField={rules.isFormField}
          />
        )}
        <Select
          label={t('agreements.fields.responsibleOfficer')}
          description={t('agreements.responsibility.officerDescription')}
          data={options}
          searchable
          clearable
          data-autofocus
          openOnFocus={false}
          clearButtonProps={clearButtonProps(t('agreements.responsibility.clearOfficer'))}
          {...form.getInputProps('responsibleOfficerId')}
        />
        <MultiSelect
          label={t('agreements.fields.delegates')}
          description={t('agreements.responsibility.delegatesDescription', { maximum: MaxDelegates })}
          data={options}
          searchable
          maxValues={MaxDelegates}
          {...form.getInputProps('delegateIds')}
        />
        <FormActions
          submitLabel={t('agreements.responsibility.submit')}
          submitting={assign.isPending || reload.isPending}
          onCancel={onClose}
        />
      </Stack>
    </form>
  );
};

/** Hands the agreement to another officer and names the delegates who may change it too. */
export const AgreementResponsibilityModal = ({
  agreement,
  onClose,
}: {
  agreement: Agreement;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('agreements.responsibility.title', { reference: agreement.reference })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <ResponsibilityForm agreement={agreement} onClose={onClose} />
    </Modal>
  );
};
