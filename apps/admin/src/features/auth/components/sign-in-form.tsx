import { LoginRequestSchema, type LoginRequest } from '@pardev/contracts';
import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-error';
import { apiErrorMessageKey, correlationIdOf } from '../../../lib/api-error-message';
import { describeWithSchema, toFormErrors, type FieldLabelKeys } from '../../../lib/form-validation';
import { ErrorReference } from '../../../components/error-reference';
import { useLogin } from '../api/login';

const fieldLabelKeys: FieldLabelKeys = { email: 'auth.email', password: 'auth.password' };
const describeIssues = describeWithSchema(LoginRequestSchema, (values: LoginRequest) => ({ ...values }));
const validate = (values: LoginRequest) => toFormErrors(describeIssues(values), fieldLabelKeys);

export const SignInForm = ({ onSignedIn }: { onSignedIn: () => void }) => {
  const { t } = useTranslation();
  const login = useLogin();
  const form = useForm<LoginRequest>({
    initialValues: { email: '', password: '' },
    validate,
    validateInputOnBlur: true,
  });

  const refused = isApiError(login.error) && login.error.status === 401;

  return (
    <form noValidate onSubmit={form.onSubmit((values) => login.mutate(values, { onSuccess: onSignedIn }))}>
      <Stack gap="md">
        {login.isError && (
          <Alert color="red" variant="light" role="alert">
            <Text size="sm">
              {refused ? t('auth.invalidCredentials') : t(apiErrorMessageKey(login.error))}
            </Text>
            {!refused && <ErrorReference correlationId={correlationIdOf(login.error)} />}
          </Alert>
        )}
        <TextInput
          label={t('auth.email')}
          type="email"
          autoComplete="username"
          required
          {...form.getInputProps('email')}
        />
        <PasswordInput
          label={t('auth.password')}
          autoComplete="current-password"
          required
          // Mantine's default name contains "password", which would make the label "Password" ambiguous.
          visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
          {...form.getInputProps('password')}
        />
        <Button type="submit" loading={login.isPending} fullWidth>
          {t('auth.submit')}
        </Button>
      </Stack>
    </form>
  );
};
