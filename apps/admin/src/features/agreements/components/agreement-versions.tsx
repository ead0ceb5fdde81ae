import type { Agreement } from '@pardev/contracts';
import { Group, Select, Skeleton, Stack, Table, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from '../../../components/date-time';
import { QueryErrorAlert } from '../../../components/query-error-alert';
import { useAgreementVersions, useVersionDiff } from '../api/amendments';
import { useTermText } from '../lib/term-text';
import { PanelTable } from './panel-table';

type VersionPair = { from: number; to: number };

/** What changed between two versions of the terms, field by field. */
const VersionDiff = ({ agreement, pair }: { agreement: Agreement; pair: VersionPair }) => {
  const { t } = useTranslation();
  const diff = useVersionDiff(agreement.id, pair);
  const text = useTermText(agreement.currency);
  if (diff.isError)
    return (
      <QueryErrorAlert
        title={t('agreements.versions.diffError')}
        error={diff.error}
        onRetry={() => void diff.refetch()}
      />
    );
  if (!diff.data) return <Skeleton height={40} />;
  return (
    <PanelTable
      testId="version-diff"
      empty={{ when: diff.data.changes.length === 0, text: t('agreements.versions.same') }}
      columns={[
        t('agreements.conflict.field'),
        t('agreements.versions.inVersion', { number: diff.data.from }),
        t('agreements.versions.inVersion', { number: diff.data.to }),
      ]}
    >
      {diff.data.changes.map((change) => (
        <Table.Tr key={change.field}>
          <Table.Th scope="row">{text.label(change.field)}</Table.Th>
          <Table.Td>{text.value(change.field, change.before)}</Table.Td>
          <Table.Td>{text.value(change.field, change.after)}</Table.Td>
        </Table.Tr>
      ))}
    </PanelTable>
  );
};

/** The versions of an agreement's terms (as signed, then one per approved amendment), two compared. */
export const AgreementVersions = ({ agreement }: { agreement: Agreement }) => {
  const { t } = useTranslation();
  const versions = useAgreementVersions(agreement.id);
  const items = versions.data?.items ?? [];
  const latest = items.at(-1)?.number ?? 0;
  const [pair, setPair] = useState<VersionPair | null>(null);
  const chosen = pair ?? (items.length > 1 ? { from: 0, to: latest } : null);
  const text = useTermText(agreement.currency);

  if (versions.isPending) return <Skeleton height={80} />;
  if (versions.isError)
    return (
      <QueryErrorAlert
        title={t('agreements.versions.loadError')}
        error={versions.error}
        onRetry={() => void versions.refetch()}
      />
    );
  const options = items.map((v) => ({
    value: String(v.number),
    label:
      v.number === 0
        ? t('agreements.versions.asSigned')
        : t('agreements.versions.numbered', {
            number: v.number,
            type: v.amendmentType ? t(`agreements.amendments.types.${v.amendmentType}`) : '',
          }),
  }));

  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {t('agreements.versions.title')}
      </Title>
      <PanelTable
        testId="versions-table"
        columns={[
          t('agreements.versions.number'),
          t('agreements.amendments.type'),
          t('agreements.fields.total'),
          t('agreements.fields.endOn'),
          t('agreements.versions.createdAt'),
        ]}
      >
        {items.map((v) => (
          <Table.Tr key={v.number}>
            <Table.Td>{v.number}</Table.Td>
            <Table.Td>
              {v.amendmentType
                ? t(`agreements.amendments.types.${v.amendmentType}`)
                : t('agreements.versions.asSigned')}
            </Table.Td>
            <Table.Td>{text.value('totalMinor', v.terms.totalMinor)}</Table.Td>
            <Table.Td>{text.value('endOn', v.terms.endOn)}</Table.Td>
            <Table.Td>
              <DateTime value={v.createdAt} />
            </Table.Td>
          </Table.Tr>
        ))}
      </PanelTable>
      {items.length > 1 && chosen && (
        <Stack gap="xs">
          <Group align="flex-end">
            <Select
              label={t('agreements.versions.compareFrom')}
              data={options}
              value={String(chosen.from)}
              allowDeselect={false}
              onChange={(value) => setPair({ ...chosen, from: Number(value ?? 0) })}
            />
            <Select
              label={t('agreements.versions.compareTo')}
              data={options}
              value={String(chosen.to)}
              allowDeselect={false}
              onChange={(value) => setPair({ ...chosen, to: Number(value ?? latest) })}
            />
          </Group>
          <VersionDiff agreement={agreement} pair={chosen} />
        </Stack>
      )}
    </Stack>
  );
};
