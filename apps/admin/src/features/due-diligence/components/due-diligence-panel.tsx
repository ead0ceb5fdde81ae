import { canChangePartner, canSeeDueDiligence, type Actor, type Partner } from '@pardev/contracts';
import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageSkeleton } from '../../../components/page-skeleton';
import { QueryErrorAlert } from '../../../components/query-error-alert';
import { useDueDiligence } from '../api/get-due-diligence';
import { ChecksSection } from './checks-section';
import { FlagsSection } from './flags-section';
import { RestrictedNotice } from './restricted-notice';

interface DueDiligencePanelProps {
  partner: Partner;
  /** The signed-in user: decides what they see and which actions they are offered. */
  actor: Actor;
}

/** The partner's due diligence: its checks (for those who may read them) and its flags. */
export const DueDiligencePanel = ({ partner, actor }: DueDiligencePanelProps) => {
  const { t } = useTranslation();
  const dueDiligence = useDueDiligence(partner.id);

  if (dueDiligence.isPending) return <PageSkeleton />;
  if (dueDiligence.isError) {
    return (
      <QueryErrorAlert
        title={t('dueDiligence.loadError')}
        error={dueDiligence.error}
        onRetry={() => void dueDiligence.refetch()}
      />
    );
  }

  const { data } = dueDiligence;
  return (
    <Stack gap="xl">
      {data.restricted && <RestrictedNotice />}
      {canSeeDueDiligence(actor) && (
        <ChecksSection
          partner={partner}
          dueDiligence={data}
          busy={dueDiligence.isFetching}
          mayRecord={canChangePartner(actor, partner)}
        />
      )}
      <FlagsSection partner={partner} flags={data.flags} actor={actor} />
    </Stack>
  );
};
