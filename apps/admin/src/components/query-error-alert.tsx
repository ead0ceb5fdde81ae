import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { apiErrorMessageKey, correlationIdOf } from '../lib/api-error-message';
import { ErrorReference } from './error-reference';

interface QueryErrorAlertProps {
  /** What could not be loaded, e.g. "The partners could not be loaded." */
  title: string;
  error: unknown;
  onRetry: () => void;
}

/** A failed load: what failed, why in words, the reference for support, and a retry. */
export const QueryErrorAlert = ({ title, error, onRetry }: QueryErrorAlertProps) => {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" role="alert" title={title}>
      <Stack gap="xs">
        <Text size="sm">{t(apiErrorMessageKey(error))}</Text>
        <ErrorReference correlationId={correlationIdOf(error)} />
        <Group>
          <Button size="xs" variant="default" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
};
