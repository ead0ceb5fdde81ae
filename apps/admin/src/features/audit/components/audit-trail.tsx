import { AuditQuerySchema } from '@pardev/contracts';
import { Button, EmptyState, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { QueryErrorAlert } from '../../../components/query-error-alert';
import { ValidationMessage, describeZodIssue } from '../../../lib/form-validation';
import { readFilterParams, writeFilterParams } from '../../../lib/list-params';
import { useAuditTrail } from '../api/get-audit-trail';
import { AuditFilters, noFilters, type FilterName } from './audit-filters';
import { AuditTable } from './audit-table';
import { LoadOlder } from './load-older';

const { actorId, entityType, entityId, action, from, to } = AuditQuerySchema.shape;
const filterSchemas = { actorId, entityType, entityId, action, from, to };

const filterLabelKeys = { from: 'audit.filters.from', to: 'audit.filters.to' } as const;

/** Errors of filters that are valid one by one but not together (an end before the start). */
const filterErrors = (filters: Record<string, unknown>): Partial<Record<FilterName, ReactNode>> => {
  const parsed = AuditQuerySchema.safeParse(filters);
  const errors: Partial<Record<FilterName, ReactNode>> = {};
  for (const issue of parsed.error?.issues ?? []) {
    const field = issue.path[0];
    if (field === 'from' || field === 'to') {
      errors[field] ??= (
        <ValidationMessage descriptor={describeZodIssue(issue)} fieldLabelKey={filterLabelKeys[field]} />
      );
    }
  }
  return errors;
};

/** The whole audit trail, newest first, filtered through the URL (a view can be shared). */
export const AuditTrail = () => {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = readFilterParams(searchParams, filterSchemas);
  const errors = filterErrors(filters);
  const valid = Object.keys(errors).length === 0;
  const trail = useAuditTrail(filters, valid);

  const update = (changes: Partial<Record<FilterName, string>>, replace = false) =>
    setSearchParams((current) => writeFilterParams(current, changes), { replace });
  const clearFilters = () => update(noFilters);

  // While the filters are refused, nothing (not even the previous view) stands for their result.
  const entries = valid ? trail.data?.pages.flatMap((page) => page.items) : undefined;
  const filtered = Object.values(filters).some(Boolean);
  const isEmpty = entries !== undefined && entries.length === 0;

  return (
    <Stack gap="md">
      <AuditFilters filters={filters} errors={errors} onChange={update} onClear={clearFilters} />

      {entries && (
        <Text size="sm" c="dimmed" role="status" data-testid="audit-count">
          {t('audit.shown', { count: entries.length })}
        </Text>
      )}

      {trail.isError && !trail.isFetchNextPageError && (
        <QueryErrorAlert
          title={t('audit.loadError')}
          error={trail.error}
          onRetry={() => void trail.refetch()}
        />
      )}

      {isEmpty && (
        <EmptyState
          title={filtered ? t('audit.noMatch.title') : t('audit.empty.title')}
          description={filtered ? t('audit.noMatch.description') : t('audit.empty.description')}
        >
          {filtered && (
            <Button variant="default" onClick={clearFilters}>
              {t('audit.filters.clear')}
            </Button>
          )}
        </EmptyState>
      )}

      {valid && !isEmpty && !(trail.isError && !trail.data) && (
        <>
          <AuditTable entries={entries} busy={trail.isFetching} caption={t('audit.tableCaption')} />
          {entries && <LoadOlder query={trail} />}
        </>
      )}
    </Stack>
  );
};
