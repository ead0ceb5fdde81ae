import { AgreementStatuses, type AgreementStatus, type PartnerTimelineEntry } from '@pardev/contracts';
import { Anchor, Badge, Group, Skeleton, Stack, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateTime } from '../../../components/date-time';
import { QueryErrorAlert } from '../../../components/query-error-alert';
import { LoadOlder } from '../../audit/components/load-older';
import { currentLanguage } from '../../../i18n/i18n';
import type { Language } from '../../../i18n/languages';
import { formatMoney } from '../../agreements/lib/money';
import { agreementPath } from '../../../lib/record-paths';
import { usePartnerTimeline } from '../api/timeline';

const isStatus = (value: unknown): value is AgreementStatus =>
  typeof value === 'string' && (AgreementStatuses as readonly string[]).includes(value);

const moneyText = (minor: unknown, currency: unknown, language: Language): string | null => {
  if (typeof minor !== 'number' || typeof currency !== 'string') return null;
  try {
    return formatMoney(minor, currency, language);
  } catch {
    return null;
  }
};

const EntryText = ({ entry }: { entry: PartnerTimelineEntry }) => {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const { detail } = entry;
  switch (entry.kind) {
    case 'AGREEMENT_DRAFTED':
      return <>{t('partners.timeline.drafted')}</>;
    case 'AGREEMENT_STATUS': {
      const from = isStatus(detail['from'])
        ? t(`agreements.status.${detail['from']}`)
        : String(detail['from'] ?? '');
      const to = isStatus(detail['to']) ? t(`agreements.status.${detail['to']}`) : String(detail['to'] ?? '');
      return (
        <Stack gap={2}>
          <span>{t('partners.timeline.status', { from, to })}</span>
          {typeof detail['reason'] === 'string' && detail['reason'] !== '' && (
            <Text span size="sm" c="dimmed">
              {t('partners.timeline.reason', { reason: detail['reason'] })}
            </Text>
          )}
        </Stack>
      );
    }
    case 'TRANCHE_RECEIVED': {
      const amount = moneyText(detail['receivedMinor'], detail['currency'], language) ?? '';
      const usd = moneyText(detail['usdMinor'], 'USD', language);
      return (
        <Stack gap={2}>
          <span>{t('partners.timeline.received', { amount })}</span>
          {usd && detail['currency'] !== 'USD' && (
            <Text span size="sm" c="dimmed">
              {typeof detail['ratePerUsd'] === 'string' || typeof detail['ratePerUsd'] === 'number'
                ? t('partners.timeline.usdAtRate', {
                    usd,
                    rate: String(detail['ratePerUsd']),
                    currency: String(detail['currency']),
                  })
                : `≈ ${usd}`}
            </Text>
          )}
        </Stack>
      );
    }
  }
};

const kindColors: Readonly<Record<PartnerTimelineEntry['kind'], string>> = {
  AGREEMENT_DRAFTED: 'gray',
  AGREEMENT_STATUS: 'blue',
  TRANCHE_RECEIVED: 'green',
};

/** What happened with the partner's agreements, newest first; older entries a page at a time. */
export const PartnerTimeline = ({ partnerId }: { partnerId: string }) => {
  const { t } = useTranslation();
  const timeline = usePartnerTimeline(partnerId);
  if (timeline.isPending) return <Skeleton height={160} />;
  if (timeline.isError && !timeline.data)
    return (
      <QueryErrorAlert
        title={t('partners.timeline.loadError')}
        error={timeline.error}
        onRetry={() => void timeline.refetch()}
      />
    );
  const entries = timeline.data.pages.flatMap((page) => page.items);
  if (entries.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('partners.timeline.none')}
      </Text>
    );
  return (
    <Stack gap="lg">
      <Timeline bulletSize={14} lineWidth={2} data-testid="partner-timeline">
        {entries.map((entry) => (
          <Timeline.Item
            key={entry.id}
            color={kindColors[entry.kind]}
            title={
              <Group gap="xs">
                <Anchor component={Link} to={agreementPath(entry.agreementId)} fw={600} size="sm">
                  {entry.reference}
                </Anchor>
                <Text span size="sm">
                  {entry.title}
                </Text>
                <Badge variant="light" color={kindColors[entry.kind]} tt="none" size="sm">
                  {t(`partners.timeline.kinds.${entry.kind}`)}
                </Badge>
              </Group>
            }
          >
            <Stack gap={2}>
              <Text size="sm" component="div">
                <EntryText entry={entry} />
              </Text>
              <Text size="xs" c="dimmed">
                <DateTime value={entry.occurredAt} />
              </Text>
            </Stack>
          </Timeline.Item>
        ))}
      </Timeline>
      <LoadOlder query={timeline} />
    </Stack>
  );
};
