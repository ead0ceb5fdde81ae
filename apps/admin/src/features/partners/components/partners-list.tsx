import { ListPartnersQuerySchema } from '@pardev/contracts';
import {
  Alert,
  Button,
  CloseButton,
  EmptyState,
  Group,
  NativeSelect,
  Pagination,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorReference } from '../../../components/error-reference';
import { apiErrorMessageKey, correlationIdOf } from '../../../lib/api-error-message';
import { usePartners } from '../api/get-partners';
import {
  PageSizes,
  SearchDebounceMs,
  readListParams,
  writeListParams,
  type ListParams,
} from '../../../lib/list-params';
import { PartnersTable } from './partners-table';

interface PartnersListProps {
  /** Opens the create form; offered from the empty state. */
  /** Absent for roles that may not register partners: the empty state then offers no button. */
  onCreate?: (() => void) | undefined;
}

export const PartnersList = ({ onCreate }: PartnersListProps) => {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const params = readListParams(searchParams, ListPartnersQuerySchema);
  const partners = usePartners({ q: params.q || undefined, page: params.page, pageSize: params.pageSize });

  const update = (changes: Partial<ListParams>, replace = false) =>
    setSearchParams((current) => writeListParams(current, changes), { replace });

  // The input answers every keystroke; the URL (and so the query) follows once typing pauses.
  const [search, setSearch] = useState(params.q);
  const pushSearch = useDebouncedCallback(
    (value: string) => update({ q: value.trim(), page: 1 }, true),
    SearchDebounceMs,
  );
  const [syncedQ, setSyncedQ] = useState(params.q);
  if (syncedQ !== params.q) {
    // The URL changed under us (back button, shared link): show its search, unless the user is typing.
    setSyncedQ(params.q);
    if (!pushSearch.isPending() && search.trim() !== params.q) setSearch(params.q);
  }

  const clearSearch = () => {
    pushSearch.cancel();
    setSearch('');
    update({ q: '', page: 1 }, true);
  };

  const data = partners.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const isEmpty = data !== undefined && data.items.length === 0;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <TextInput
          type="search"
          label={t('partners.search')}
          placeholder={t('partners.searchPlaceholder')}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            pushSearch(event.currentTarget.value);
          }}
          rightSection={
            search ? (
              <CloseButton size="sm" aria-label={t('partners.clearSearch')} onClick={clearSearch} />
            ) : null
          }
          w={{ base: '100%', sm: 360 }}
        />
        {data && (
          <Text size="sm" c="dimmed" role="status" data-testid="partners-total">
            {t('partners.total', { count: data.total })}
          </Text>
        )}
      </Group>

      {partners.isError && (
        <Alert color="red" variant="light" role="alert" title={t('partners.loadError')}>
          <Stack gap="xs">
            <Text size="sm">{t(apiErrorMessageKey(partners.error))}</Text>
            <ErrorReference correlationId={correlationIdOf(partners.error)} />
            <Group>
              <Button size="xs" variant="default" onClick={() => void partners.refetch()}>
                {t('common.retry')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}

      {isEmpty && data.total === 0 && params.q === '' && (
        <EmptyState title={t('partners.empty.title')} description={t('partners.empty.description')}>
          {onCreate && <Button onClick={onCreate}>{t('partners.empty.action')}</Button>}
        </EmptyState>
      )}
      {isEmpty && data.total === 0 && params.q !== '' && (
        <EmptyState
          title={t('partners.noMatch.title', { query: params.q })}
          description={t('partners.noMatch.description')}
        >
          <Button variant="default" onClick={clearSearch}>
            {t('partners.clearSearch')}
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
        />
      )}

      {data && data.total > 0 && (
        <Group justify="space-between" wrap="wrap">
          <NativeSelect
            label={t('partners.pageSize')}
            value={String(params.pageSize)}
            onChange={(event) => update({ pageSize: Number(event.currentTarget.value), page: 1 })}
            data={PageSizes.map((size) => String(size))}
            w={140}
          />
          <nav aria-label={t('partners.pagination')}>
            <Pagination
              total={pages}
              value={Math.min(params.page, pages)}
              onChange={(page) => update({ page })}
              getItemProps={(page) => ({ 'aria-label': t('partners.page', { page }) })}
              getControlProps={(control) => ({ 'aria-label': t(controlLabels[control]) })}
              hideWithOnePage
            />
          </nav>
        </Group>
      )}
    </Stack>
  );
};

const controlLabels = {
  first: 'partners.firstPage',
  previous: 'partners.previousPage',
  next: 'partners.nextPage',
  last: 'partners.lastPage',
} as const;
