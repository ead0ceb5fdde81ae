import type { FieldError, PartnerImportOutcome, PartnerImportRow } from '@pardev/contracts';
import {
  Anchor,
  Badge,
  Group,
  List,
  Pagination,
  SegmentedControl,
  Stack,
  Table,
  Text,
  type MantineColor,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../../components/data-table';
import { MissingValue } from '../../../components/missing-value';
import { QueryErrorAlert } from '../../../components/query-error-alert';
import { SkeletonRows } from '../../../components/skeleton-rows';
import { currentLanguage } from '../../../i18n/i18n';
import { partnerPath } from '../../../lib/record-paths';
import { useImportRows } from '../api/partner-import';
import { importFieldLabelKey, importFieldLabelKeys } from '../lib/import-fields';
import { rowErrorMessage } from '../lib/row-error-message';

/** Rows per page: a 20,000-row file is read a page at a time, never all at once. */
export const IMPORT_ROWS_PAGE_SIZE = 50;

const outcomeColors: Record<PartnerImportOutcome, MantineColor> = {
  CREATE: 'green',
  UPDATE: 'blue',
  SKIP: 'gray',
  ERROR: 'red',
  CREATED: 'green',
  UPDATED: 'blue',
  FAILED: 'red',
};

/** What happened (or will happen) to a row, in words and colour. */
export const OutcomeBadge = ({ outcome }: { outcome: PartnerImportOutcome | null }) => {
  const { t } = useTranslation();
  if (!outcome) return <MissingValue />;
  return (
    <Badge color={outcomeColors[outcome]} variant="light" tt="none" data-testid="import-outcome">
      {t(`partnerImport.outcome.${outcome}`)}
    </Badge>
  );
};

/** "Row 7 · Country: is not a country in the ISO 3166-1 list": the field named as the form names it. */
export const RowError = ({ rowNumber, error }: { rowNumber: number; error: FieldError }) => {
  const { t } = useTranslation();
  const labelKey = importFieldLabelKey(error.field);
  const message = rowErrorMessage(t, error);
  return labelKey
    ? t('partnerImport.rows.error', { row: rowNumber, field: t(labelKey), message })
    : t('partnerImport.rows.errorNoField', { row: rowNumber, message });
};

const RowDetails = ({ row }: { row: PartnerImportRow }) => {
  const { t, i18n } = useTranslation();
  if (row.errors.length > 0) {
    return (
      <List size="sm" spacing={2} c="red.9" data-testid="import-row-errors">
        {row.errors.map((error, index) => (
          <List.Item key={`${error.field}-${error.rule}-${index}`}>
            <RowError rowNumber={row.rowNumber} error={error} />
          </List.Item>
        ))}
      </List>
    );
  }
  if (row.changedFields.length > 0) {
    const list = new Intl.ListFormat(currentLanguage(i18n), { style: 'long', type: 'conjunction' });
    const fields = list.format(row.changedFields.map((field) => t(importFieldLabelKeys[field])));
    return <Text size="sm">{t('partnerImport.rows.changes', { fields })}</Text>;
  }
  return <MissingValue />;
};

export type OutcomeFilter = PartnerImportOutcome | 'ALL';

export interface OutcomeOption {
  value: OutcomeFilter;
  count: number;
}

interface ImportRowsProps {
  importId: string;
  /** The outcomes to filter on, with how many rows have each; those with no row are left out. */
  options: readonly OutcomeOption[];
  initial: OutcomeFilter;
}

/** An import's rows, one server page at a time, filtered by outcome. */
export const ImportRows = ({ importId, options, initial }: ImportRowsProps) => {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<OutcomeFilter>(initial);
  const [page, setPage] = useState(1);
  const rows = useImportRows(importId, {
    outcome: outcome === 'ALL' ? undefined : outcome,
    page,
    pageSize: IMPORT_ROWS_PAGE_SIZE,
  });
  const shown = options.filter((option) => option.count > 0 || option.value === outcome);
  const data = rows.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  return (
    <Stack gap="sm">
      {shown.length > 1 && (
        <Group gap="sm" align="center">
          <Text size="sm" fw={500} id="import-outcome-filter">
            {t('partnerImport.rows.filter')}
          </Text>
          <SegmentedControl
            aria-labelledby="import-outcome-filter"
            value={outcome}
            onChange={(value) => {
              setOutcome(value as OutcomeFilter);
              setPage(1);
            }}
            data={shown.map((option) => ({
              value: option.value,
              label: t('partnerImport.rows.filterOption', {
                label: t(`partnerImport.outcome.${option.value}`),
                count: option.count,
              }),
            }))}
          />
        </Group>
      )}
      {rows.isError ? (
        <QueryErrorAlert
          title={t('partnerImport.rows.loadError')}
          error={rows.error}
          onRetry={() => void rows.refetch()}
        />
      ) : (
        <DataTable
          caption={t('partnerImport.rows.caption', { page, pages })}
          busy={rows.isFetching}
          minWidth={720}
          testId="import-rows"
          highlightOnHover={false}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w={80}>
                {t('partnerImport.rows.row')}
              </Table.Th>
              <Table.Th scope="col" w={140}>
                {t('partnerImport.rows.outcome')}
              </Table.Th>
              <Table.Th scope="col">{t('partners.fields.name')}</Table.Th>
              <Table.Th scope="col">{t('partnerImport.rows.details')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {!data && <SkeletonRows rows={5} columns={4} testId="import-rows-skeleton" />}
            {data?.items.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={4}>
                  <Text size="sm" c="dimmed">
                    {t('partnerImport.rows.none')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {data?.items.map((row) => (
              <Table.Tr key={row.rowNumber} data-testid="import-row">
                <Table.Td>{row.rowNumber}</Table.Td>
                <Table.Td>
                  <OutcomeBadge outcome={row.outcome} />
                </Table.Td>
                <Table.Td>
                  {row.values.name?.trim() ? (
                    row.partnerId ? (
                      <Anchor component={Link} to={partnerPath(row.partnerId)} size="sm">
                        {row.values.name}
                      </Anchor>
                    ) : (
                      <Text size="sm">{row.values.name}</Text>
                    )
                  ) : (
                    <MissingValue />
                  )}
                </Table.Td>
                <Table.Td>
                  <RowDetails row={row} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </DataTable>
      )}
      {data && pages > 1 && (
        <nav aria-label={t('partnerImport.rows.pagination')}>
          <Pagination
            total={pages}
            value={Math.min(page, pages)}
            onChange={setPage}
            getItemProps={(item) => ({ 'aria-label': t('list.page', { page: item }) })}
            getControlProps={(control) => ({
              'aria-label': t(
                (
                  {
                    first: 'list.firstPage',
                    previous: 'list.previousPage',
                    next: 'list.nextPage',
                    last: 'list.lastPage',
                  } as const
                )[control],
              ),
            })}
          />
        </nav>
      )}
    </Stack>
  );
};
