import { Alert, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../lib/api-error';
import { apiErrorMessageKey, correlationIdOf } from '../lib/api-error-message';
import { ErrorReference } from './error-reference';

interface FormFailureAlertProps {
  /** Referenced by the form's aria-describedby. */
  id: string;
  /** What did not happen, e.g. "The partner was not created". */
  title: string;
  error: unknown;
  /** Fields shown in the form: server errors about them appear beside the field, not here. */
  isFormField: (field: string) => boolean;
}

/** Why a form was refused, with the server's errors that name no field of the form. */
export const FormFailureAlert = ({ id, title, error, isFormField }: FormFailureAlertProps) => {
  const { t } = useTranslation();
  const unplacedErrors = isApiError(error)
    ? error.fieldErrors.filter((fieldError) => !isFormField(fieldError.field))
    : [];
  return (
    <Alert id={id} color="red" variant="light" role="alert" title={title}>
      <Stack gap={4}>
        <Text size="sm">{t(apiErrorMessageKey(error))}</Text>
        {unplacedErrors.map((fieldError) => (
          <Text size="sm" key={`${fieldError.field}-${fieldError.rule}`}>
            {fieldError.field}: {fieldError.message}
          </Text>
        ))}
        <Text size="sm">{t('common.inputKept')}</Text>
        <ErrorReference correlationId={correlationIdOf(error)} />
      </Stack>
    </Alert>
  );
};
