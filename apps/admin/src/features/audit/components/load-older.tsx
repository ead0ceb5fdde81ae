import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { apiErrorMessageKey } from '../../../lib/api-error-message';

interface LoadOlderProps {
  /** The infinite query of the entries shown. */
  query: {
    hasNextPage: boolean;
    isFetchingNextPage: boolean;
    isFetchNextPageError: boolean;
    error: unknown;
    fetchNextPage: () => Promise<unknown>;
  };
}

/** Pages back in time through entries shown newest first. */
export const LoadOlder = ({ query }: LoadOlderProps) => {
  const { t } = useTranslation();
  return (
    <Group justify="center" gap="sm">
      {query.isFetchNextPageError && (
        <Text size="sm" c="red" role="alert">
          {t(apiErrorMessageKey(query.error))}
        </Text>
      )}
      {query.hasNextPage ? (
        <Button
          variant="default"
          onClick={() => void query.fetchNextPage()}
          loading={query.isFetchingNextPage}
        >
          {t('audit.loadOlder')}
        </Button>
      ) : (
        <Text size="sm" c="dimmed">
          {t('audit.noOlder')}
        </Text>
      )}
    </Group>
  );
};
