import {
  FinalStatuses,
  IdSchema,
  UnsignedStatuses,
  canAssignAgreement,
  canChangeAgreement,
  canRecordFinance,
} from '@pardev/contracts';
import { Anchor, Button, Group, Modal, Skeleton, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { lazy, Suspense, useState, type ReactNode } from 'react';
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

// The tabs beyond the summary, and the dialogs, load when first opened.
const AmendmentsPanel = lazy(() =>
  import('../../features/agreements/components/amendments-panel').then((m) => ({
    default: m.AmendmentsPanel,
  })),
);
const AgreementObligationsTab = lazy(() =>
  import('./agreement-obligations-tab').then((m) => ({ default: m.AgreementObligationsTab })),
);
const ProjectsPanel = lazy(() =>
  import('../../features/agreements/components/projects-panel').then((m) => ({ default: m.ProjectsPanel })),
);
const EditAgreementFlow = lazy(() =>
  import('../../features/agreements/components/edit-agreement-flow').then((m) => ({
    default: m.EditAgreementFlow,
  })),
);
const AgreementResponsibilityModal = lazy(() =>
  import('../../features/agreements/components/agreement-responsibility').then((m) => ({
    default: m.AgreementResponsibilityModal,
  })),
);

const Lazy = ({ children }: { children: ReactNode }) => (
  <Suspense fallback={<Skeleton height={120} />}>{children}</Suspense>
);

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
  const [dialog, setDialog] = useState<'edit' | 'responsibility' | null>(null);
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
  const mayEdit = mayChange && UnsignedStatuses.includes(record.status);
  const mayAssign = canAssignAgreement(actor, record) && !FinalStatuses.includes(record.status);
  const close = () => setDialog(null);

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Anchor component={Link} to={{ pathname: '/agreements', search: listSearchOf(state) }} size="sm">
          {t('agreements.record.back')}
        </Anchor>
        <Group gap="sm" align="center" justify="space-between">
          <Group gap="sm" align="center">
            <Title order={1}>{record.title}</Title>
            <AgreementStatusBadge status={record.status} />
          </Group>
          <Group gap="sm">
            {mayEdit && <Button onClick={() => setDialog('edit')}>{t('agreements.edit.action')}</Button>}
            {mayAssign && (
              <Button variant="default" onClick={() => setDialog('responsibility')}>
                {t('agreements.responsibility.action')}
              </Button>
            )}
          </Group>
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
          <Tabs.Tab value={Tab.Amendments}>{t('agreements.record.amendmentsTab')}</Tabs.Tab>
          <Tabs.Tab value={Tab.Obligations}>{t('agreements.record.obligationsTab')}</Tabs.Tab>
          <Tabs.Tab value={Tab.Projects}>{t('agreements.record.projectsTab')}</Tabs.Tab>
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
        <Tabs.Panel value={Tab.Amendments} pt="lg">
          <Lazy>
            <AmendmentsPanel agreement={record} mayChange={mayChange} />
          </Lazy>
        </Tabs.Panel>
        <Tabs.Panel value={Tab.Obligations} pt="lg">
          <Lazy>
            <AgreementObligationsTab agreement={record} mayChange={mayChange} />
          </Lazy>
        </Tabs.Panel>
        <Tabs.Panel value={Tab.Projects} pt="lg">
          <Lazy>
            <ProjectsPanel agreement={record} mayChange={mayChange} mayRecord={canRecordFinance(actor)} />
          </Lazy>
        </Tabs.Panel>
        <Tabs.Panel value={Tab.History} pt="lg">
          <RecordHistory entityType="agreement" entityId={record.id} />
        </Tabs.Panel>
      </Tabs>
      <Modal
        opened={dialog === 'edit'}
        onClose={close}
        size="xl"
        title={t('agreements.edit.title', { reference: record.reference })}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        closeOnClickOutside={false}
      >
        {dialog === 'edit' && (
          <Lazy>
            <EditAgreementFlow agreement={record} onSaved={close} onCancel={close} />
          </Lazy>
        )}
      </Modal>
      {dialog === 'responsibility' && (
        <Suspense fallback={null}>
          <AgreementResponsibilityModal agreement={record} onClose={close} />
        </Suspense>
      )}
    </Stack>
  );
};

/** An agreement's record page: what it is, its status and the steps it may take, money, allocations, history. */
export const AgreementPage = () => {
  const { agreementId = '' } = useParams();
  if (!IdSchema.safeParse(agreementId).success) return <AgreementNotFound />;
  return <AgreementRecord key={agreementId} id={agreementId} />;
};
