import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The correlation id support needs to find the request in the logs. */
export const ErrorReference = ({ correlationId }: { correlationId: string | undefined }) => {
  const { t } = useTranslation();
  if (!correlationId) return null;
  return (
    <Text size="sm" ff="monospace" data-testid="correlation-id">
      {t('common.reference', { id: correlationId })}
    </Text>
  );
};
