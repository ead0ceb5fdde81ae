import { CheckTypes, type CheckType, type DueDiligenceCheck } from '@pardev/contracts';
import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/data-table';
import { MissingValue } from '../../../components/missing-value';
import { checkTypeLabelKey } from '../../../lib/reference-labels';
import { CheckCells, CheckColumnHeaders } from './check-cells';

const webLink = /^https?:\/\/\S+$/i;

/** Where the evidence is: a link opens (in a new tab); a reference or file name is shown as text. */
const Evidence = ({ value }: { value: string }) =>
  webLink.test(value) ? (
    <Anchor
      href={value}
      target="_blank"
      rel="noopener noreferrer"
      size="sm"
      style={{ wordBreak: 'break-all' }}
    >
      {value}
    </Anchor>
  ) : (
    <Text span size="sm" style={{ wordBreak: 'break-word' }}>
      {value}
    </Text>
  );

const byType = (a: DueDiligenceCheck, b: DueDiligenceCheck) =>
  CheckTypes.indexOf(a.type) - CheckTypes.indexOf(b.type);

interface ChecksTableProps {
  /** The latest check of each type. */
  checks: readonly DueDiligenceCheck[];
  /** Types that are mandatory for this partner (marked as such). */
  mandatory: readonly CheckType[];
  busy: boolean;
}

/** The latest check of each type: what it found, when, who reviewed it, until when, and the evidence. */
export const ChecksTable = ({ checks, mandatory, busy }: ChecksTableProps) => {
  const { t } = useTranslation();
  return (
    <DataTable
      caption={t('dueDiligence.checks.tableCaption')}
      busy={busy}
      minWidth={960}
      testId="checks-table"
      highlightOnHover={false}
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('dueDiligence.fields.type')}</Table.Th>
          <CheckColumnHeaders />
          <Table.Th scope="col">{t('dueDiligence.fields.evidence')}</Table.Th>
          <Table.Th scope="col">{t('dueDiligence.fields.notes')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {[...checks].sort(byType).map((check) => (
          <Table.Tr key={check.id}>
            <Table.Th scope="row" fw={500}>
              <Group gap={6} wrap="nowrap">
                {t(checkTypeLabelKey(check.type))}
                {mandatory.includes(check.type) && (
                  <Badge size="xs" variant="outline" color="gray" tt="none">
                    {t('dueDiligence.checks.mandatory')}
                  </Badge>
                )}
              </Group>
            </Table.Th>
            <CheckCells check={check} />
            <Table.Td maw={240}>
              <Evidence value={check.evidence} />
            </Table.Td>
            <Table.Td maw={280}>
              {check.notes === null ? (
                <MissingValue />
              ) : (
                <Text span size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {check.notes}
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </DataTable>
  );
};
