import { IdSchema, canChangeAgreement, canRecordFinance } from '@pardev/contracts';
import { Anchor, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { NotFoundNotice } from '../../components/not-found-notice';
import { PageSkeleton } from '../../components/page-skeleton';
import { QueryErrorAlert } from '../../components/query-error-alert';
import { useAgreement } from '../../features/agreements/api/agreements';
import { useTrancheSchedule } from '../../features/agreements/api/tranches';
import { AgreementStatusBadge } from '../../features/agreements/components/agreement-status-badge';
import { AgreementSummary } from '../../features/agreements/components/agreement-summary';
import { AllocationsView } from '../../features/agreements/components/allocations-view';
import { LifecycleActions } from '../../features/agreements/components/lifecycle-actions';
import { TranchesPanel } from '../../features/agreements/components/tranches-panel';
import { RecordHistory } from '../../features/audit/components/record-history';
import { useSessionUser } from '../../features/auth/components/session-user-context';
import { actorFrom } from '../../features/auth/lib/actor';
import { isApiError } from '../../lib/api-error';
import { AgreementTab as Tab } from '../../lib/record-paths';

const tabs: readonly string[] = Object.values(Tab);
const isTab = (value: string | null): value is Tab => value !== null && tabs.includes(value);

const AgreementNotFound = () => {
  const { t } = useTranslation();
  return (
    <NotFoundNotice
      title={t('agreements.record.notFound')}
      description={t('agreements.record.notFoundHelp')}
    />
  );
};

const listSearchOf = (state: unknown): string =>
  typeof state === 'object' &&
  state !== null &&
  typeof (state as { listSearch?: unknown }).listSearch === 'string'
    ? (state as { listSearch: string }).listSearch
    : '';

const AgreementRecord = ({ id }: { id: string }) => {
  const { t } = useTranslation();
  const agreement = useAgreement(id);
  const schedule = useTrancheSchedule(id);
  const actor = actorFrom(useSessionUser());
  const { state } = useLocation();
  const [searchParams, setSearchParams] = useSearchParams();
  useDocumentTitle(agreement.data ? `${agreement.data.reference} · ${t('app.name')}` : t('app.name'));

  if (agreement.isPending) return <PageSkeleton />;
  if (agreement.isError) {
    if (isApiError(agreement.error) && agreement.error.status === 404) return <AgreementNotFound />;
    return (
      <QueryErrorAlert
        title={t('agreements.record.loadError')}
        error={agreement.error}
        onRetry={() => void agreement.refetch()}
      />
    );
  }
  const record = agreement.data;
  const requested = searchParams.get('tab');
  const tab: Tab = isTab(requested) ? requested : Tab.Summary;
  const showTab = (next: string | null) =>
    setSearchParams(
      (current) => {
        const params = new URLSearchParams(current);
        if (isTab(next) && next !== Tab.Summary) params.set('tab', next);
        else params.delete('tab');
        return params;
      },
      { state },
    );
  const mayChange = canChangeAgreement(actor, record);

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Anchor component={Link} to={{ pathname: '/agreements', search: listSearchOf(state) }} size="sm">
          {t('agreements.record.back')}
        </Anchor>
        <Group gap="sm" align="center">
          <Title order={1}>{record.title}</Title>
          <AgreementStatusBadge status={record.status} />
        </Group>
        <Text c="dimmed" data-testid="agreement-reference">
          {record.reference}
        </Text>
      </Stack>
      <Tabs value={tab} onChange={showTab} keepMounted={false}>
        <Tabs.List aria-label={t('agreements.record.sections')}>
          <Tabs.Tab value={Tab.Summary}>{t('agreements.record.summaryTab')}</Tabs.Tab>
          <Tabs.Tab value={Tab.Money}>{t('agreements.record.moneyTab')}</Tabs.Tab>
          <Tabs.Tab value={Tab.Allocations}>{t('agreements.record.allocationsTab')}</Tabs.Tab>
          <Tabs.Tab value={Tab.History}>{t('agreements.record.historyTab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value={Tab.Summary} pt="lg">
          <Stack gap="xl">
            <AgreementSummary agreement={record} />
            <LifecycleActions agreement={record} schedule={schedule.data} mayChange={mayChange} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value={Tab.Money} pt="lg">
          <TranchesPanel agreement={record} mayPlan={mayChange} mayRecord={canRecordFinance(actor)} />
        </Tabs.Panel>
        <Tabs.Panel value={Tab.Allocations} pt="lg">
          <AllocationsView allocations={record.allocations} />
        </Tabs.Panel>
        <Tabs.Panel value={Tab.History} pt="lg">
          <RecordHistory entityType="agreement" entityId={record.id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
};

/** An agreement's record page: what it is, its status and the steps it may take, money, allocations, history. */
export const AgreementPage = () => {
  const { agreementId = '' } = useParams();
  if (!IdSchema.safeParse(agreementId).success) return <AgreementNotFound />;
  return <AgreementRecord key={agreementId} id={agreementId} />;
};
