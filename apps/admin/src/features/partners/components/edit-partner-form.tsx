import { UpdatePartnerBodySchema, type Partner } from '@pardev/contracts';
import { Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { FormFailureAlert } from '../../../components/form-failure-alert';
import { FormActions } from '../../../components/form-actions';
import { isApiError } from '../../../lib/api-error';
import { describeWithSchema, toFormErrors } from '../../../lib/form-validation';
import { useUpdatePartner } from '../api/update-partner';
import {
  PartnerFields,
  applyPartnerServerErrors,
  isPartnerFormField,
  partnerFieldLabelKeys,
  partnerFormValues,
  partnerProfileFields,
  toPartnerInput,
  usePartnerForm,
  type PartnerFormValues,
} from './partner-form';
import { VersionConflict, isVersionConflict } from './version-conflict';

/** The profile and the version it was read at (sent back, so a concurrent change is detected). */
interface EditPartnerFormValues extends PartnerFormValues {
  version: number;
}

const toUpdateInput = (values: EditPartnerFormValues) => ({
  ...toPartnerInput(values),
  version: values.version,
});
const describeIssues = describeWithSchema(UpdatePartnerBodySchema, toUpdateInput);
const validate = (values: EditPartnerFormValues) =>
  toFormErrors(describeIssues(values), partnerFieldLabelKeys);

const formValuesOf = (partner: Partner): EditPartnerFormValues => ({
  ...partnerFormValues(partner),
  version: partner.version,
});

interface EditPartnerFormProps {
  partner: Partner;
  onSaved: (partner: Partner) => void;
  onCancel: () => void;
}

export const EditPartnerForm = ({ partner, onSaved, onCancel }: EditPartnerFormProps) => {
  const { t } = useTranslation();
  const update = useUpdatePartner();
  const form = usePartnerForm(formValuesOf(partner), validate);

  const submit = form.onSubmit((submitted) => {
    const body = UpdatePartnerBodySchema.parse(toUpdateInput(submitted));
    update.mutate(
      { id: partner.id, body },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'green', message: t('partners.edit.saved', { name: saved.name }) });
          onSaved(saved);
        },
        onError: (error) => {
          if (isApiError(error)) applyPartnerServerErrors(form, error);
        },
      },
    );
  });

  const failed = update.isError && !isVersionConflict(update.error);

  return (
    <form noValidate onSubmit={submit} aria-describedby={failed ? 'edit-partner-error' : undefined}>
      <Stack gap="md">
        <VersionConflict
          partner={partner}
          fields={partnerProfileFields}
          error={update.error}
          onLoaded={(latest) => {
            form.setFieldValue('version', latest.version);
            update.reset();
          }}
          onUseLatest={(latest) => form.setValues(formValuesOf(latest))}
        />
        {failed && (
          <FormFailureAlert
            id="edit-partner-error"
            title={t('partners.edit.failed')}
            error={update.error}
            isFormField={isPartnerFormField}
          />
        )}
        <PartnerFields form={form} partnerId={partner.id} />
        <FormActions
          submitLabel={t('partners.edit.submit')}
          submitting={update.isPending}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
};
