import { Alert, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorReference } from '../../../components/error-reference';
import { isApiError } from '../../../lib/api-error';
import { apiErrorMessageKey, correlationIdOf } from '../../../lib/api-error-message';

/** Why something the user asked for did not happen: the sentence for the error's code and its reference. */
export const ProblemAlert = ({ title, error }: { title: string; error: unknown }) => {
  const { t } = useTranslation();
  const fieldErrors = isApiError(error) ? error.fieldErrors : [];
  const correlationId = correlationIdOf(error);
  return (
    <Alert color="red" variant="light" role="alert" title={title}>
      <Stack gap={4}>
        <Text size="sm">{t(apiErrorMessageKey(error))}</Text>
        {fieldErrors.map((fieldError, index) => (
          <Text size="sm" key={`${fieldError.field}-${fieldError.rule}-${index}`}>
            {fieldError.field}: {fieldError.message}
          </Text>
        ))}
        {correlationId && <ErrorReference correlationId={correlationId} />}
      </Stack>
    </Alert>
  );
};
