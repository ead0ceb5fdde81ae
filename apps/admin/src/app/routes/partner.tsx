import { IdSchema, canAssignPartner, canChangePartner } from '@pardev/contracts';
import { Button, Skeleton, Stack, Tabs } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams, useSearchParams } from 'react-router';
import { NotFoundNotice } from '../../components/not-found-notice';
import { PageSkeleton } from '../../components/page-skeleton';
import { QueryErrorAlert } from '../../components/query-error-alert';
import { RecordHistory } from '../../features/audit/components/record-history';
import { actorFrom } from '../../features/auth/lib/actor';
import { useSessionUser } from '../../features/auth/components/session-user-context';
import { BlockedAlert } from '../../features/due-diligence/components/blocked-alert';
import { DueDiligencePanel } from '../../features/due-diligence/components/due-diligence-panel';
import { usePartner } from '../../features/partners/api/get-partner';
import { ChangeResponsibilityModal } from '../../features/partners/components/change-responsibility-modal';
import { ContactsSection } from '../../features/partners/components/contacts-section';
import { EditPartnerModal } from '../../features/partners/components/edit-partner-modal';
import { PartnerHeader } from '../../features/partners/components/partner-header';
import { PartnerProfile } from '../../features/partners/components/partner-profile';
import { listSearchFrom } from '../../features/partners/lib/partner-link-state';
import { isApiError } from '../../lib/api-error';
import { PartnerTab as Tab } from '../../lib/record-paths';

// Tabs about the partner's agreements load when first opened.
const PartnerAgreements = lazy(() =>
  import('../../features/agreements/components/partner-agreements').then((m) => ({
    default: m.PartnerAgreements,
  })),
);
const ReportsDueTable = lazy(() =>
  import('../../features/reports/components/reports-due-table').then((m) => ({ default: m.ReportsDueTable })),
);
const PartnerTimeline = lazy(() =>
  import('../../features/partners/components/partner-timeline').then((m) => ({ default: m.PartnerTimeline })),
);

const Lazy = ({ children }: { children: ReactNode }) => (
  <Suspense fallback={<Skeleton height={120} />}>{children}</Suspense>
);

const tabs: readonly string[] = Object.values(Tab);
const isTab = (value: string | null): value is Tab => value !== null && tabs.includes(value);

const PartnerNotFound = () => {
  const { t } = useTranslation();
  return (
    <NotFoundNotice
      title={t('partners.record.notFound.title')}
      description={t('partners.record.notFound.description')}
    />
  );
};

const PartnerRecord = ({ id }: { id: string }) => {
  const { t } = useTranslation();
  const partner = usePartner(id);
  const actor = actorFrom(useSessionUser());
  const { state } = useLocation();
  const [searchParams, setSearchParams] = useSearchParams();
  const [dialog, setDialog] = useState<'edit' | 'responsibility' | null>(null);
  useDocumentTitle(partner.data ? `${partner.data.name} · ${t('app.name')}` : t('app.name'));

  if (partner.isPending) return <PageSkeleton />;
  if (partner.isError) {
    const { error } = partner;
    if (isApiError(error) && error.status === 404) return <PartnerNotFound />;
    return (
      <QueryErrorAlert
        title={t('partners.record.loadError')}
        error={error}
        onRetry={() => void partner.refetch()}
      />
    );
  }

  const record = partner.data;
  const requested = searchParams.get('tab');
  const tab: Tab = isTab(requested) ? requested : Tab.Profile;
  // The tab is part of the address (a view can be shared); the default one is left out.
  const showTab = (next: string | null) =>
    setSearchParams(
      (current) => {
        const params = new URLSearchParams(current);
        if (isTab(next) && next !== Tab.Profile) params.set('tab', next);
        else params.delete('tab');
        return params;
      },
      { state },
    );
  const close = () => setDialog(null);

  return (
    <Stack gap="lg">
      <PartnerHeader
        partner={record}
        listSearch={listSearchFrom(state)}
        actions={
          <>
            {canChangePartner(actor, record) && (
              <Button onClick={() => setDialog('edit')}>{t('partners.edit.action')}</Button>
            )}
            {canAssignPartner(actor, record) && (
              <Button variant="default" onClick={() => setDialog('responsibility')}>
                {t('partners.responsibility.action')}
              </Button>
            )}
          </>
        }
      />
      {record.blockedForNewAgreements && (
        <BlockedAlert
          partnerId={record.id}
          onReview={tab === Tab.DueDiligence ? undefined : () => showTab(Tab.DueDiligence)}
        />
      )}
      <Tabs value={tab} onChange={showTab} keepMounted={false}>
        <Tabs.List aria-label={t('partners.record.sections')}>
          <Tabs.Tab value={Tab.Profile}>{t('partners.record.profileTab')}</Tabs.Tab>
          <Tabs.Tab value={Tab.Contacts}>{t('partners.record.contactsTab')}</Tabs.Tab>
          <Tabs.Tab value={Tab.DueDiligence}>{t('partners.record.dueDiligenceTab')}</Tabs.Tab>
          <Tabs.Tab value={Tab.Agreements}>{t('partners.record.agreementsTab')}</Tabs.Tab>
          <Tabs.Tab value={Tab.Reports}>{t('partners.record.reportsTab')}</Tabs.Tab>
          <Tabs.Tab value={Tab.Timeline}>{t('partners.record.timelineTab')}</Tabs.Tab>
          <Tabs.Tab value={Tab.History}>{t('partners.record.historyTab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value={Tab.Profile} pt="lg">
          <PartnerProfile partner={record} />
        </Tabs.Panel>
        <Tabs.Panel value={Tab.Contacts} pt="lg">
          <ContactsSection partner={record} mayChange={canChangePartner(actor, record)} />
        </Tabs.Panel>
        <Tabs.Panel value={Tab.DueDiligence} pt="lg">
          <DueDiligencePanel partner={record} actor={actor} />
        </Tabs.Panel>
        <Tabs.Panel value={Tab.Agreements} pt="lg">
          <Lazy>
            <PartnerAgreements partnerId={record.id} />
          </Lazy>
        </Tabs.Panel>
        <Tabs.Panel value={Tab.Reports} pt="lg">
          <Lazy>
            <ReportsDueTable query={{ partnerId: record.id }} showAgreement />
          </Lazy>
        </Tabs.Panel>
        <Tabs.Panel value={Tab.Timeline} pt="lg">
          <Lazy>
            <PartnerTimeline partnerId={record.id} />
          </Lazy>
        </Tabs.Panel>
        <Tabs.Panel value={Tab.History} pt="lg">
          <RecordHistory entityType="partner" entityId={record.id} />
        </Tabs.Panel>
      </Tabs>
      <EditPartnerModal partner={dialog === 'edit' ? record : null} onClose={close} />
      <ChangeResponsibilityModal partner={dialog === 'responsibility' ? record : null} onClose={close} />
    </Stack>
  );
};

/**
 * A partner's record page: what it is and its status (and why it is blocked, when it is), its
 * profile, due diligence and history, and the allowed actions.
 */
export const PartnerPage = () => {
  const { partnerId = '' } = useParams();
  // An address that cannot name a partner is not sent to the server.
  if (!IdSchema.safeParse(partnerId).success) return <PartnerNotFound />;
  return <PartnerRecord key={partnerId} id={partnerId} />;
};
