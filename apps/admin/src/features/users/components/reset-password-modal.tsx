import { ResetPasswordRequestSchema, type User } from '@pardev/contracts';
import { Alert, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ErrorReference } from '../../../components/error-reference';
import { FormActions } from '../../../components/form-actions';
import { isApiError } from '../../../lib/api-error';
import { apiErrorMessageKey, correlationIdOf } from '../../../lib/api-error-message';
import {
  applyServerFieldErrors,
  describeWithSchema,
  toFormErrors,
  type FieldLabelKeys,
} from '../../../lib/form-validation';
import { useResetUserPassword } from '../api/reset-user-password';

interface PasswordFormValues {
  password: string;
}

const fieldLabelKeys = { password: 'users.password.newPassword' } as const satisfies FieldLabelKeys;
const describeIssues = describeWithSchema(ResetPasswordRequestSchema, (values: PasswordFormValues) => ({
  ...values,
}));
const validate = (values: PasswordFormValues) => toFormErrors(describeIssues(values), fieldLabelKeys);

const ResetPasswordForm = ({ user, onClose }: { user: User; onClose: () => void }) => {
  const { t } = useTranslation();
  const reset = useResetUserPassword();
  const form = useForm<PasswordFormValues>({
    initialValues: { password: '' },
    validate,
    validateInputOnChange: true,
    validateInputOnBlur: true,
  });

  const submit = form.onSubmit((submitted) => {
    const { password } = ResetPasswordRequestSchema.parse(submitted);
    reset.mutate(
      { id: user.id, password },
      {
        onSuccess: (updated) => {
          notifications.show({
            color: 'green',
            message: t('users.password.done', { name: updated.displayName }),
          });
          onClose();
        },
        onError: (error) => {
          if (isApiError(error)) applyServerFieldErrors(form, error, fieldLabelKeys);
        },
      },
    );
  });

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="md">
        {reset.isError && (
          <Alert color="red" variant="light" role="alert" title={t('users.password.failed')}>
            <Stack gap={4}>
              <Text size="sm">{t(apiErrorMessageKey(reset.error))}</Text>
              <ErrorReference correlationId={correlationIdOf(reset.error)} />
            </Stack>
          </Alert>
        )}
        <PasswordInput
          label={t('users.password.newPassword')}
          description={t('users.passwordDescription')}
          required
          data-autofocus
          autoComplete="new-password"
          visibilityToggleButtonProps={{ 'aria-label': t('users.showPassword') }}
          {...form.getInputProps('password')}
          // Mantine marks an invalid password input with data-invalid only; assistive tech needs this.
          aria-invalid={form.errors['password'] !== undefined}
        />
        <FormActions
          submitLabel={t('users.password.submit')}
          submitting={reset.isPending}
          onCancel={onClose}
        />
      </Stack>
    </form>
  );
};

interface ResetPasswordModalProps {
  user: User | null;
  onClose: () => void;
}

export const ResetPasswordModal = ({ user, onClose }: ResetPasswordModalProps) => {
  const { t } = useTranslation();
  return (
    <Modal
      opened={user !== null}
      onClose={onClose}
      title={user ? t('users.password.title', { name: user.displayName }) : ''}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {user && <ResetPasswordForm key={user.id} user={user} onClose={onClose} />}
    </Modal>
  );
};
