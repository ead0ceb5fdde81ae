import { AssignPartnerBodySchema, type Partner } from '@pardev/contracts';
import { MultiSelect, Select, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FormFailureAlert } from '../../../components/form-failure-alert';
import { QueryErrorAlert } from '../../../components/query-error-alert';
import { FormActions } from '../../../components/form-actions';
import { isApiError } from '../../../lib/api-error';
import { clearButtonProps } from '../../../lib/clear-button';
import {
  applyServerFieldErrors,
  describeWithSchema,
  toFormErrors,
  type FieldLabelKeys,
} from '../../../lib/form-validation';
import { staffOptions, useStaff, useStaffNames } from '../../../lib/staff-directory';
import { useAssignPartner } from '../api/assign-partner';
import { VersionConflict, isVersionConflict, type PartnerField } from './version-conflict';

interface ResponsibilityFormValues {
  responsibleOfficerId: string | null;
  delegateIds: string[];
  version: number;
}

const MaxDelegates = 10;
const responsibilityFields: readonly PartnerField[] = ['responsibleOfficerId', 'delegateIds'];

const fieldLabelKeys = {
  responsibleOfficerId: 'partners.fields.responsibleOfficer',
  delegateIds: 'partners.fields.delegates',
} as const satisfies FieldLabelKeys;
const isFormField = (field: string): boolean => Object.hasOwn(fieldLabelKeys, field);

const describeIssues = describeWithSchema(AssignPartnerBodySchema, (values: ResponsibilityFormValues) => ({
  ...values,
}));
const validate = (values: ResponsibilityFormValues) => toFormErrors(describeIssues(values), fieldLabelKeys);

const formValuesOf = (partner: Partner): ResponsibilityFormValues => ({
  responsibleOfficerId: partner.responsibleOfficerId,
  delegateIds: [...partner.delegateIds],
  version: partner.version,
});

interface ChangeResponsibilityFormProps {
  partner: Partner;
  onSaved: (partner: Partner) => void;
  onCancel: () => void;
}

/** Hands the partner to another officer and names the delegates who may change it too. */
export const ChangeResponsibilityForm = ({ partner, onSaved, onCancel }: ChangeResponsibilityFormProps) => {
  const { t } = useTranslation();
  const assign = useAssignPartner();
  const officers = useStaff('officer');
  const { nameOf } = useStaffNames();
  const form = useForm<ResponsibilityFormValues>({
    initialValues: formValuesOf(partner),
    validate,
    validateInputOnChange: true,
  });
  // The delegates' rule depends on the officer: recheck the delegates when the officer changes.
  const { values, validateField } = form;
  useEffect(() => {
    if (values.responsibleOfficerId !== null) validateField('delegateIds');
  }, [values.responsibleOfficerId, validateField]);

  const submit = form.onSubmit((submitted) => {
    const body = AssignPartnerBodySchema.parse(submitted);
    assign.mutate(
      { id: partner.id, body },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: 'green',
            message: t('partners.responsibility.saved', { name: saved.name }),
          });
          onSaved(saved);
        },
        onError: (error) => {
          if (isApiError(error)) applyServerFieldErrors(form, error, fieldLabelKeys);
        },
      },
    );
  });

  const { responsibleOfficerId, delegateIds } = values;
  const options = staffOptions(officers.data ?? [], nameOf, [responsibleOfficerId, ...delegateIds]);
  const placeholder = officers.isPending ? t('common.loading') : undefined;
  const failed = assign.isError && !isVersionConflict(assign.error);

  return (
    <form noValidate onSubmit={submit} aria-describedby={failed ? 'responsibility-error' : undefined}>
      <Stack gap="md">
        <VersionConflict
          partner={partner}
          fields={responsibilityFields}
          error={assign.error}
          onLoaded={(latest) => {
            form.setFieldValue('version', latest.version);
            assign.reset();
          }}
          onUseLatest={(latest) => form.setValues(formValuesOf(latest))}
        />
        {failed && (
          <FormFailureAlert
            id="responsibility-error"
            title={t('partners.responsibility.failed')}
            error={assign.error}
            isFormField={isFormField}
          />
        )}
        {officers.isError && (
          <QueryErrorAlert
            title={t('partners.responsibility.officersLoadError')}
            error={officers.error}
            onRetry={() => void officers.refetch()}
          />
        )}
        <Select
          label={t('partners.fields.responsibleOfficer')}
          description={t('partners.responsibility.officerDescription')}
          placeholder={placeholder ?? t('partners.responsibility.officerPlaceholder')}
          data={options}
          searchable
          clearable
          data-autofocus
          // Focused when the dialog opens: a list covering the delegates would hide the whole choice.
          openOnFocus={false}
          nothingFoundMessage={t('partners.responsibility.noOfficer')}
          clearButtonProps={clearButtonProps(t('partners.responsibility.clearOfficer'))}
          {...form.getInputProps('responsibleOfficerId')}
        />
        <MultiSelect
          label={t('partners.fields.delegates')}
          description={t('partners.responsibility.delegatesDescription', { maximum: MaxDelegates })}
          placeholder={placeholder ?? t('partners.responsibility.delegatesPlaceholder')}
          data={options}
          searchable
          maxValues={MaxDelegates}
          nothingFoundMessage={t('partners.responsibility.noOfficer')}
          {...form.getInputProps('delegateIds')}
        />
        <FormActions
          submitLabel={t('partners.responsibility.submit')}
          submitting={assign.isPending}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
};
