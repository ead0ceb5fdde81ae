import { CreateUserRequestSchema, type User } from '@pardev/contracts';
import { Alert, Button, Group, MultiSelect, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ErrorReference } from '../../../components/error-reference';
import { isApiError, type ApiError } from '../../../lib/api-error';
import { apiErrorMessageKey } from '../../../lib/api-error-message';
import {
  describeServerFieldError,
  describeWithSchema,
  toFormErrors,
  type FieldLabelKeys,
  type ValidationDescriptor,
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

/** Puts the server's field errors beside their fields (the alert lists any that name no field). */
const applyServerErrors = (form: UseFormReturnType<InviteUserFormValues>, error: ApiError): void => {
  const descriptors: Record<string, ValidationDescriptor> = {};
  for (const fieldError of error.fieldErrors) {
    if (!isFormField(fieldError.field)) continue;
    descriptors[fieldError.field] ??=
      fieldError.field === 'email' && fieldError.rule === 'unique'
        ? { key: 'validation.emailTaken', fallback: fieldError.message }
        : describeServerFieldError(fieldError);
  }
  form.setErrors((current) => ({ ...current, ...toFormErrors(descriptors, fieldLabelKeys) }));
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

  const serverError = isApiError(create.error) ? create.error : undefined;
  const unplacedErrors =
    serverError?.fieldErrors.filter((fieldError) => !isFormField(fieldError.field)) ?? [];

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
          <Alert
            id="invite-user-error"
            color="red"
            variant="light"
            role="alert"
            title={t('users.invite.failed')}
          >
            <Stack gap={4}>
              <Text size="sm">{t(apiErrorMessageKey(create.error))}</Text>
              {unplacedErrors.map((fieldError) => (
                <Text size="sm" key={`${fieldError.field}-${fieldError.rule}`}>
                  {fieldError.field}: {fieldError.message}
                </Text>
              ))}
              <Text size="sm">{t('users.invite.inputKept')}</Text>
              <ErrorReference correlationId={serverError?.correlationId} />
            </Stack>
          </Alert>
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
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('users.invite.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};
