import type { AuditEntryView } from '@pardev/contracts';
import { Anchor, Badge, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ChangeList } from '../../../components/change-list';
import { DataTable } from '../../../components/data-table';
import { DateTime } from '../../../components/date-time';
import { MissingValue } from '../../../components/missing-value';
import { SkeletonRows } from '../../../components/skeleton-rows';
import { recordPath } from '../../../lib/record-paths';
import { shortId } from '../../../lib/staff-directory';
import { actionColor, useAuditLabels } from './audit-labels';
import { CopyableId } from './copyable-id';

const SkeletonRowCount = 8;
const Columns = 6;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The kind of record and its id: a link to its page where the admin has one. */
const RecordCell = ({ entry }: { entry: AuditEntryView }) => {
  const labels = useAuditLabels();
  const type = labels.entityType(entry.entityType);
  const { entityId } = entry;
  const path = entityId ? recordPath(entry.entityType, entityId) : undefined;
  // A UUID reads as its first characters; a route or other key is shown whole.
  const shown = entityId && uuidPattern.test(entityId) ? `${shortId(entityId)}…` : entityId;
  return (
    <Stack gap={2}>
      <Text size="sm">{type}</Text>
      {entityId &&
        (path ? (
          <Anchor
            component={Link}
            to={path}
            size="xs"
            ff="monospace"
            title={entityId}
            aria-label={`${type} ${entityId}`}
          >
            {shown}
          </Anchor>
        ) : (
          <Text size="xs" ff="monospace" c="dimmed" title={entityId} style={{ wordBreak: 'break-all' }}>
            {shown}
          </Text>
        ))}
    </Stack>
  );
};

/** What changed, and the note where the changes do not say it all. */
const ChangesCell = ({ entry }: { entry: AuditEntryView }) => {
  if (entry.changes.length === 0 && !entry.note) return <MissingValue />;
  return (
    <Stack gap={4}>
      <ChangeList entityType={entry.entityType} changes={entry.changes} size="xs" />
      {entry.note && (
        <Text size="xs" fs="italic">
          {entry.note}
        </Text>
      )}
    </Stack>
  );
};

interface AuditTableProps {
  entries: readonly AuditEntryView[] | undefined;
  caption: string;
  busy: boolean;
}

/** Audit entries, newest first: when, who, what, to which record, what changed, and the reference. */
export const AuditTable = ({ entries, caption, busy }: AuditTableProps) => {
  const { t } = useTranslation();
  const labels = useAuditLabels();
  return (
    <DataTable caption={caption} busy={busy} minWidth={1000} testId="audit-table" highlightOnHover={false}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col" w={130}>
            {t('audit.columns.when')}
          </Table.Th>
          <Table.Th scope="col" w={140}>
            {t('audit.columns.user')}
          </Table.Th>
          <Table.Th scope="col" w={180}>
            {t('audit.columns.action')}
          </Table.Th>
          <Table.Th scope="col" w={150}>
            {t('audit.columns.record')}
          </Table.Th>
          <Table.Th scope="col">{t('audit.columns.changes')}</Table.Th>
          <Table.Th scope="col" w={150}>
            {t('audit.columns.correlationId')}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entries ? (
          entries.map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Td>
                <Text size="sm">
                  <DateTime value={entry.occurredAt} />
                </Text>
              </Table.Td>
              <Table.Td>{labels.actor(entry)}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={actionColor(entry.action)} tt="none" radius="sm" maw="100%">
                  {labels.action(entry.action)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <RecordCell entry={entry} />
              </Table.Td>
              <Table.Td>
                <ChangesCell entry={entry} />
              </Table.Td>
              <Table.Td>
                {entry.correlationId ? (
                  <CopyableId value={entry.correlationId} copyLabel={t('audit.copyCorrelationId')} />
                ) : (
                  <MissingValue />
                )}
              </Table.Td>
            </Table.Tr>
          ))
        ) : (
          <SkeletonRows rows={SkeletonRowCount} columns={Columns} testId="audit-skeleton-row" />
        )}
      </Table.Tbody>
    </DataTable>
  );
};
