import {
  ListPartnersQuerySchema,
  PartnerEditorRoles,
  canChangePartner,
  type Actor,
  type Partner,
} from '@pardev/contracts';
import { Button, EmptyState, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ListPagination } from '../../../components/list-pagination';
import { QueryErrorAlert } from '../../../components/query-error-alert';
import { SearchInput } from '../../../components/search-input';
import {
  readFilterParams,
  readListParams,
  writeFilterParams,
  writeListParams,
  type ListParams,
} from '../../../lib/list-params';
import { hasAnyRole } from '../../../lib/roles';
import { useStaffNames } from '../../../lib/staff-directory';
import { useDebouncedUrlText } from '../../../lib/use-debounced-url-text';
import { usePartners } from '../api/get-partners';
import { AssignmentFilter } from './assignment-filter';
import { ExportMenu } from './export-menu';
import { EditPartnerModal } from './edit-partner-modal';
import {
  DefaultSort,
  PartnerFiltersBar,
  barFilters,
  hasBarFilter,
  partnerFilterSchemas,
  type PartnerFilters,
} from './partner-filters';
import { PartnersTable } from './partners-table';

interface PartnersListProps {
  /** The signed-in user: decides "My partners" and which partners they may edit. */
  actor: Actor;
  /** Opens the create form, offered from the empty state; absent for roles that may not register. */
  onCreate?: (() => void) | undefined;
}

export const PartnersList = ({ actor, onCreate }: PartnersListProps) => {
  const { t } = useTranslation();
  const { nameOf } = useStaffNames();
  const [searchParams, setSearchParams] = useSearchParams();
  const params = readListParams(searchParams, ListPartnersQuerySchema);
  const filters = readFilterParams(searchParams, partnerFilterSchemas);
  const { assignedTo } = filters;
  // Each value was read with its own contract field, so the whole query passes the contract.
  const { q, page, pageSize, ...rest } = ListPartnersQuerySchema.parse({
    ...filters,
    q: params.q || undefined,
    page: params.page,
    pageSize: params.pageSize,
  });
  // The search and the page first, as the addresses of the queries have always read.
  const query = { q, page, pageSize, ...rest };
  const { sort } = query;
  const partners = usePartners(query);
  const filtered = hasBarFilter(filters);
  const [editing, setEditing] = useState<Partner | null>(null);

  const update = (changes: Partial<ListParams>, replace = false) =>
    setSearchParams((current) => writeListParams(current, changes), { replace });
  const filterAssignedTo = (value: string) =>
    setSearchParams((current) => writeFilterParams(current, { assignedTo: value }));
  const changeFilters = (changes: Partial<Record<keyof PartnerFilters, string>>) =>
    setSearchParams((current) => writeFilterParams(current, changes));
  const clearFilters = () => changeFilters(Object.fromEntries(barFilters.map((key) => [key, ''])));
  const search = useDebouncedUrlText(params.q, (q) => update({ q, page: 1 }, true));

  // Officers (and admins) can be responsible for partners: they get "My partners".
  const mayBeAssigned = hasAnyRole(actor.roles, PartnerEditorRoles);
  const isMine = assignedTo === actor.userId;

  const data = partners.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const isEmpty = data !== undefined && data.items.length === 0;
  const noneAtAll = isEmpty && data.total === 0;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Group align="flex-end" wrap="wrap">
          <SearchInput
            label={t('partners.search')}
            placeholder={t('partners.searchPlaceholder')}
            clearLabel={t('partners.clearSearch')}
            value={search.text}
            onChange={search.change}
            onClear={search.clear}
          />
          {(mayBeAssigned || assignedTo) && (
            <AssignmentFilter
              assignedTo={assignedTo}
              currentUserId={actor.userId}
              withMine={mayBeAssigned}
              onChange={filterAssignedTo}
            />
          )}
        </Group>
        <Group gap="sm" align="center">
          {data && (
            <Text size="sm" c="dimmed" role="status" data-testid="partners-total">
              {t('partners.total', { count: data.total })}
            </Text>
          )}
          <ExportMenu query={query} />
        </Group>
      </Group>

      <PartnerFiltersBar filters={filters} onChange={changeFilters} />

      {partners.isError && (
        <QueryErrorAlert
          title={t('partners.loadError')}
          error={partners.error}
          onRetry={() => void partners.refetch()}
        />
      )}

      {noneAtAll && params.q === '' && !assignedTo && !filtered && (
        <EmptyState title={t('partners.empty.title')} description={t('partners.empty.description')}>
          {onCreate && <Button onClick={onCreate}>{t('partners.empty.action')}</Button>}
        </EmptyState>
      )}
      {noneAtAll && params.q === '' && assignedTo && !filtered && (
        <EmptyState
          title={
            isMine
              ? t('partners.noneAssigned.mine')
              : t('partners.noneAssigned.other', { name: nameOf(assignedTo) })
          }
          description={t('partners.noneAssigned.description')}
        >
          <Button variant="default" onClick={() => filterAssignedTo('')}>
            {t('partners.assignment.showAll')}
          </Button>
        </EmptyState>
      )}
      {noneAtAll && params.q !== '' && (
        <EmptyState
          title={t('partners.noMatch.title', { query: params.q })}
          description={t('partners.noMatch.description')}
        >
          <Button variant="default" onClick={search.clear}>
            {t('partners.clearSearch')}
          </Button>
        </EmptyState>
      )}
      {noneAtAll && params.q === '' && filtered && (
        <EmptyState title={t('partners.filters.noMatch')}>
          <Button variant="default" onClick={clearFilters}>
            {t('partners.filters.clear')}
          </Button>
        </EmptyState>
      )}
      {isEmpty && data.total > 0 && (
        <EmptyState title={t('partners.pastEnd.title')}>
          <Button variant="default" onClick={() => update({ page: 1 })}>
            {t('partners.pastEnd.action')}
          </Button>
        </EmptyState>
      )}

      {!isEmpty && !(partners.isError && !data) && (
        <PartnersTable
          partners={data?.items}
          busy={partners.isFetching}
          caption={t('partners.tableCaption', { page: params.page, pages })}
          withActions={mayBeAssigned}
          canEdit={(partner) => canChangePartner(actor, partner)}
          onEdit={setEditing}
          sort={sort}
          onSort={(next) => changeFilters({ sort: next === DefaultSort ? '' : next })}
        />
      )}

      {data && data.total > 0 && (
        <ListPagination
          page={params.page}
          pages={pages}
          pageSize={params.pageSize}
          label={t('partners.pagination')}
          onChange={update}
        />
      )}

      <EditPartnerModal partner={editing} onClose={() => setEditing(null)} />
    </Stack>
  );
};
