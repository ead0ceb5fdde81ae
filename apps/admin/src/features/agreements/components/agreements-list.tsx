import { ListAgreementsQuerySchema } from '@pardev/contracts';
import { Button, EmptyState, Group, Menu, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ListPagination } from '../../../components/list-pagination';
import { QueryErrorAlert } from '../../../components/query-error-alert';
import { SearchInput } from '../../../components/search-input';
import { currentLanguage } from '../../../i18n/i18n';
import {
  readFilterParams,
  readListParams,
  writeFilterParams,
  writeListParams,
  type ListParams,
} from '../../../lib/list-params';
import { useDebouncedUrlText } from '../../../lib/use-debounced-url-text';
import { agreementsExportUrl, useAgreements } from '../api/agreements';
import { formatMoneyWhole } from '../lib/money';
import {
  AgreementFiltersBar,
  DefaultSort,
  agreementFilterSchemas,
  barFilters,
  hasBarFilter,
  type AgreementFilters,
} from './agreement-filters';
import { AgreementsTable } from './agreements-table';

/** Server pages of at most 50 rows: the table stays small (DOM) however many agreements match. */
export const AgreementPageSizes = [10, 20, 50] as const;
export const MaxAgreementPageSize = 50;

interface AgreementsListProps {
  /** Opens the creation flow, offered from the empty state; absent for roles that may not draft. */
  onCreate?: (() => void) | undefined;
}

export const AgreementsList = ({ onCreate }: AgreementsListProps) => {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [searchParams, setSearchParams] = useSearchParams();
  const params = readListParams(searchParams, ListAgreementsQuerySchema);
  const pageSize = Math.min(params.pageSize, MaxAgreementPageSize);
  const filters = readFilterParams(searchParams, agreementFilterSchemas);
  const parsed = ListAgreementsQuerySchema.parse({
    ...filters,
    q: params.q || undefined,
    page: params.page,
    pageSize,
  });
  const query = { ...parsed, q: parsed.q, page: params.page, pageSize };
  const agreements = useAgreements(query);
  const filtered = hasBarFilter(filters);

  const update = (changes: Partial<ListParams>, replace = false) =>
    setSearchParams((current) => writeListParams(current, changes), { replace });
  const changeFilters = (changes: Partial<Record<keyof AgreementFilters, string>>) =>
    setSearchParams((current) => writeFilterParams(current, changes));
  const clearFilters = () => changeFilters(Object.fromEntries(barFilters.map((key) => [key, ''])));
  const search = useDebouncedUrlText(params.q, (q) => update({ q, page: 1 }, true));

  const data = agreements.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const isEmpty = data !== undefined && data.items.length === 0;
  const noneAtAll = isEmpty && data.total === 0;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <SearchInput
          label={t('agreements.search')}
          placeholder={t('agreements.searchPlaceholder')}
          clearLabel={t('agreements.clearSearch')}
          value={search.text}
          onChange={search.change}
          onClear={search.clear}
        />
        <Group gap="sm" align="center">
          {data && (
            <Text size="sm" role="status" data-testid="agreements-totals">
              {data.totals.withoutRate > 0
                ? t('agreements.totals.withoutRate', {
                    amount: formatMoneyWhole(data.totals.usdMinor, 'USD', language),
                    count: data.total,
                    missing: data.totals.withoutRate,
                  })
                : t('agreements.totals.all', {
                    amount: formatMoneyWhole(data.totals.usdMinor, 'USD', language),
                    count: data.total,
                  })}
            </Text>
          )}
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button variant="default">{t('agreements.export.menu')}</Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item component="a" href={agreementsExportUrl(query, 'xlsx')} download>
                {t('agreements.export.xlsx')}
              </Menu.Item>
              <Menu.Item component="a" href={agreementsExportUrl(query, 'csv')} download>
                {t('agreements.export.csv')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Group>

      <AgreementFiltersBar filters={filters} onChange={changeFilters} />

      {agreements.isError && (
        <QueryErrorAlert
          title={t('agreements.loadError')}
          error={agreements.error}
          onRetry={() => void agreements.refetch()}
        />
      )}

      {noneAtAll && params.q === '' && !filtered && (
        <EmptyState title={t('agreements.empty.title')} description={t('agreements.empty.description')}>
          {onCreate && <Button onClick={onCreate}>{t('agreements.newAgreement')}</Button>}
        </EmptyState>
      )}
      {noneAtAll && (params.q !== '' || filtered) && (
        <EmptyState title={t('agreements.noMatch.title')} description={t('agreements.noMatch.description')}>
          <Button
            variant="default"
            onClick={() => {
              search.clear();
              clearFilters();
            }}
          >
            {t('agreements.filters.clear')}
          </Button>
        </EmptyState>
      )}
      {isEmpty && data.total > 0 && (
        <EmptyState title={t('agreements.pastEnd')}>
          <Button variant="default" onClick={() => update({ page: 1 })}>
            {t('agreements.firstPage')}
          </Button>
        </EmptyState>
      )}

      {!isEmpty && !(agreements.isError && !data) && (
        <AgreementsTable
          agreements={data?.items}
          busy={agreements.isFetching}
          caption={t('agreements.tableCaption', { page: params.page, pages })}
          sort={query.sort}
          onSort={(next) => changeFilters({ sort: next === DefaultSort ? '' : next })}
        />
      )}

      {data && data.total > 0 && (
        <ListPagination
          page={params.page}
          pages={pages}
          pageSize={pageSize}
          sizes={AgreementPageSizes}
          label={t('agreements.pagination')}
          onChange={update}
        />
      )}
    </Stack>
  );
};
