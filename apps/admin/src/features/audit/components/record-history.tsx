import { EmptyState, Group, Skeleton, Stack, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ChangeList } from '../../../components/change-list';
import { DateTime } from '../../../components/date-time';
import { QueryErrorAlert } from '../../../components/query-error-alert';
import type { RecordWithHistory } from '../api/audit-keys';
import { useRecordHistory } from '../api/get-record-history';
import { actionColor, useAuditLabels } from './audit-labels';
import { LoadOlder } from './load-older';

const HistorySkeleton = () => (
  <Stack gap="lg" aria-hidden="true" data-testid="history-skeleton">
    {Array.from({ length: 3 }, (_, item) => (
      <Stack key={item} gap={6}>
        <Skeleton height={16} width="40%" />
        <Skeleton height={12} width="60%" />
      </Stack>
    ))}
  </Stack>
);

interface RecordHistoryProps {
  entityType: RecordWithHistory;
  entityId: string;
}

/** A record's audit trail as a timeline, newest first: when, who, what, and what changed. */
export const RecordHistory = ({ entityType, entityId }: RecordHistoryProps) => {
  const { t } = useTranslation();
  const labels = useAuditLabels();
  const history = useRecordHistory(entityType, entityId);

  if (history.isPending) return <HistorySkeleton />;
  if (history.isError && !history.data) {
    return (
      <QueryErrorAlert
        title={t('audit.history.loadError')}
        error={history.error}
        onRetry={() => void history.refetch()}
      />
    );
  }

  const entries = history.data.pages.flatMap((page) => page.items);
  if (entries.length === 0) {
    return (
      <EmptyState title={t('audit.history.empty.title')} description={t('audit.history.empty.description')} />
    );
  }

  return (
    <Stack gap="lg">
      <Timeline
        active={entries.length - 1}
        bulletSize={14}
        lineWidth={2}
        role="list"
        aria-label={t('audit.history.label')}
      >
        {entries.map((entry) => (
          <Timeline.Item
            key={entry.id}
            role="listitem"
            color={actionColor(entry.action)}
            title={
              <Group justify="space-between" gap="xs" wrap="wrap">
                <Text fw={600} size="sm">
                  {labels.action(entry.action)}
                </Text>
                <Text size="xs" c="dimmed">
                  <DateTime value={entry.occurredAt} />
                </Text>
              </Group>
            }
          >
            <Stack gap={4}>
              <Text size="sm" c="dimmed">
                {t('audit.history.by', { name: labels.actor(entry) })}
              </Text>
              <ChangeList entityType={entry.entityType} changes={entry.changes} />
              {entry.note && (
                <Text size="sm" fs="italic">
                  {entry.note}
                </Text>
              )}
            </Stack>
          </Timeline.Item>
        ))}
      </Timeline>
      <LoadOlder query={history} />
    </Stack>
  );
};
