import { RegisterPartnerRequestSchema, type Partner } from '@pardev/contracts';
import { Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { FormFailureAlert } from '../../../components/form-failure-alert';
import { FormActions } from '../../../components/form-actions';
import { isApiError } from '../../../lib/api-error';
import { describeWithSchema, toFormErrors } from '../../../lib/form-validation';
import { useRegisterPartner } from '../api/register-partner';
import { DuplicateWarning } from './duplicate-warning';
import {
  PartnerFields,
  applyPartnerServerErrors,
  emptyPartnerValues,
  isPartnerFormField,
  partnerFieldLabelKeys,
  toPartnerInput,
  usePartnerForm,
  type PartnerFormValues,
} from './partner-form';

const describeIssues = describeWithSchema(RegisterPartnerRequestSchema, toPartnerInput);
const validate = (values: PartnerFormValues) => toFormErrors(describeIssues(values), partnerFieldLabelKeys);

interface CreatePartnerFormProps {
  onCreated: (partner: Partner) => void;
  onCancel: () => void;
}

export const CreatePartnerForm = ({ onCreated, onCancel }: CreatePartnerFormProps) => {
  const { t } = useTranslation();
  const register = useRegisterPartner();
  const form = usePartnerForm(emptyPartnerValues, validate);

  const submit = form.onSubmit((submitted) => {
    // The parsed (trimmed, normalised) values are what the server would derive anyway.
    const body = RegisterPartnerRequestSchema.parse(toPartnerInput(submitted));
    register.mutate(body, {
      onSuccess: (partner) => {
        notifications.show({
          color: 'green',
          title: t('partners.create.createdTitle'),
          message: t('partners.create.created', { name: partner.name }),
        });
        onCreated(partner);
      },
      onError: (error) => {
        if (isApiError(error)) applyPartnerServerErrors(form, error);
      },
    });
  });

  return (
    <form
      noValidate
      onSubmit={submit}
      aria-describedby={register.isError ? 'create-partner-error' : undefined}
    >
      <Stack gap="md">
        {register.isError && (
          <FormFailureAlert
            id="create-partner-error"
            title={t('partners.create.failed')}
            error={register.error}
            isFormField={isPartnerFormField}
          />
        )}
        <PartnerFields
          form={form}
          afterIdentity={
            <DuplicateWarning name={form.values.name} iatiIdentifier={form.values.iatiIdentifier} />
          }
        />
        <FormActions
          submitLabel={t('partners.create.submit')}
          submitting={register.isPending}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
};
