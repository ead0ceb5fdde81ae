import { CreateUserRequestSchema, type User } from '@pardev/contracts';
import { MultiSelect, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { FormFailureAlert } from '../../../components/form-failure-alert';
import { FormActions } from '../../../components/form-actions';
import { isApiError, type ApiError } from '../../../lib/api-error';
import {
  applyServerFieldErrors,
  describeWithSchema,
  toFormErrors,
  type FieldLabelKeys,
} from '../../../lib/form-validation';
import { useCreateUser } from '../api/create-user';
import { roleOptions } from './role-label';

export interface InviteUserFormValues {
  email: string;
  displayName: string;
  roles: string[];
  password: string;
}

const emptyValues: InviteUserFormValues = { email: '', displayName: '', roles: [], password: '' };

const fieldLabelKeys = {
  email: 'users.fields.email',
  displayName: 'users.fields.displayName',
  roles: 'users.fields.roles',
  password: 'users.fields.password',
} as const satisfies FieldLabelKeys;

const isFormField = (field: string): field is keyof InviteUserFormValues =>
  Object.hasOwn(fieldLabelKeys, field);

const describeIssues = describeWithSchema(CreateUserRequestSchema, (values: InviteUserFormValues) => ({
  ...values,
}));
const validate = (values: InviteUserFormValues) => toFormErrors(describeIssues(values), fieldLabelKeys);

/** Puts the server's field errors beside their fields; a taken email says so in words. */
const applyServerErrors = (form: UseFormReturnType<InviteUserFormValues>, error: ApiError): void => {
  const emailTaken = error.fieldErrors.find(
    (fieldError) => fieldError.field === 'email' && fieldError.rule === 'unique',
  );
  applyServerFieldErrors(
    form,
    error,
    fieldLabelKeys,
    emailTaken ? { email: { key: 'validation.emailTaken', fallback: emailTaken.message } } : {},
  );
};

interface InviteUserFormProps {
  onCreated: (user: User) => void;
  onCancel: () => void;
}

export const InviteUserForm = ({ onCreated, onCancel }: InviteUserFormProps) => {
  const { t } = useTranslation();
  const create = useCreateUser();
  const form = useForm<InviteUserFormValues>({
    initialValues: emptyValues,
    validate,
    validateInputOnChange: true,
    validateInputOnBlur: true,
  });

  const submit = form.onSubmit((submitted) => {
    const body = CreateUserRequestSchema.parse(submitted);
    create.mutate(body, {
      onSuccess: (user) => {
        notifications.show({
          color: 'green',
          title: t('users.invite.createdTitle'),
          message: t('users.invite.created', { name: user.displayName }),
        });
        onCreated(user);
      },
      onError: (error) => {
        if (isApiError(error)) applyServerErrors(form, error);
      },
    });
  });

  return (
    <form noValidate onSubmit={submit} aria-describedby={create.isError ? 'invite-user-error' : undefined}>
      <Stack gap="md">
        {create.isError && (
          <FormFailureAlert
            id="invite-user-error"
            title={t('users.invite.failed')}
            error={create.error}
            isFormField={isFormField}
          />
        )}
        <TextInput
          label={t('users.fields.displayName')}
          required
          data-autofocus
          autoComplete="off"
          {...form.getInputProps('displayName')}
        />
        <TextInput
          type="email"
          label={t('users.fields.email')}
          required
          autoComplete="off"
          {...form.getInputProps('email')}
        />
        <MultiSelect
          label={t('users.fields.roles')}
          placeholder={t('users.rolesPlaceholder')}
          required
          data={roleOptions(t)}
          {...form.getInputProps('roles')}
        />
        <PasswordInput
          label={t('users.fields.password')}
          description={t('users.passwordDescription')}
          required
          autoComplete="new-password"
          visibilityToggleButtonProps={{ 'aria-label': t('users.showPassword') }}
          {...form.getInputProps('password')}
          // Mantine marks an invalid password input with data-invalid only; assistive tech needs this.
          aria-invalid={form.errors['password'] !== undefined}
        />
        <FormActions
          submitLabel={t('users.invite.submit')}
          submitting={create.isPending}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
};
