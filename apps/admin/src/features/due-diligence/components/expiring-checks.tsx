import { ExpiringChecksQuerySchema, type ExpiringChecks as ExpiringChecksReply } from '@pardev/contracts';
import { EmptyState, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { QueryErrorAlert } from '../../../components/query-error-alert';
import { todayIsoDate } from '../../../lib/dates';
import { writeFilterParams } from '../../../lib/list-params';
import { useExpiringChecks } from '../api/get-expiring-checks';
import { ExpiringChecksTable } from './expiring-checks-table';

/** The periods offered; the contract's default (30 days) is left out of the URL. */
const Periods = [30, 60, 90] as const;
const DefaultDays = ExpiringChecksQuerySchema.parse({}).days;

/** The period from the URL (`?days=60`), with the contract's rules; nonsense falls back to the default. */
const readDays = (search: URLSearchParams): number => {
  const parsed = ExpiringChecksQuerySchema.safeParse({ days: search.get('days') ?? undefined });
  return parsed.success ? parsed.data.days : DefaultDays;
};

type Check = ExpiringChecksReply['items'][number];
// The longest expired first, then the soonest to expire (a check without an expiry, never listed, last).
const bySoonest = (a: Check, b: Check) => (a.expiresOn ?? '~').localeCompare(b.expiresOn ?? '~');

/** Checks that have expired or expire within a period, to renew before they block a partner. */
export const ExpiringChecks = () => {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const days = readDays(searchParams);
  const expiring = useExpiringChecks(days);
  const choose = (value: string) =>
    setSearchParams((current) =>
      writeFilterParams(current, { days: Number(value) === DefaultDays ? '' : value }),
    );

  const periods = [...new Set<number>([...Periods, days])].sort((a, b) => a - b);
  const checks = expiring.data ? [...expiring.data.items].sort(bySoonest) : undefined;
  const today = todayIsoDate();
  const isEmpty = checks !== undefined && checks.length === 0;
  const expired = checks?.filter((check) => check.expiresOn !== null && check.expiresOn < today).length ?? 0;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <SegmentedControl
          aria-label={t('dueDiligence.expiring.period')}
          data={periods.map((period) => ({
            value: String(period),
            label: t('dueDiligence.expiring.withinDays', { count: period }),
          }))}
          value={String(days)}
          onChange={choose}
        />
        {checks && (
          <Text size="sm" c="dimmed" role="status" data-testid="expiring-summary">
            {t('dueDiligence.expiring.expiredCount', { count: expired })} ·{' '}
            {t('dueDiligence.expiring.expiringCount', { count: checks.length - expired })}
          </Text>
        )}
      </Group>

      {expiring.isError && (
        <QueryErrorAlert
          title={t('dueDiligence.expiring.loadError')}
          error={expiring.error}
          onRetry={() => void expiring.refetch()}
        />
      )}

      {isEmpty && (
        <EmptyState
          title={t('dueDiligence.expiring.empty.title', { count: days })}
          description={t('dueDiligence.expiring.empty.description')}
        />
      )}

      {!isEmpty && !(expiring.isError && !checks) && (
        <ExpiringChecksTable
          checks={checks}
          busy={expiring.isFetching}
          caption={t('dueDiligence.expiring.tableCaption', { count: days })}
        />
      )}
    </Stack>
  );
};
