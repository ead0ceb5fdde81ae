import { UnsignedStatuses, type Agreement } from '@pardev/contracts';
import { Button, Group, Skeleton, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../components/query-error-alert';
import { useAmendments } from '../api/amendments';
import { AgreementVersions } from './agreement-versions';
import { AmendmentList } from './amendment-list';
import { DecideAmendmentDialog, type AmendmentDecision } from './decide-amendment-dialog';
import { PanelNote } from './panel-table';
import { ProposeAmendmentDialog } from './propose-amendment-dialog';

const AmendableStatuses: readonly string[] = ['SIGNED', 'ACTIVE', 'SUSPENDED'];

/** Amendments of a signed agreement (proposed, approved, rejected) and the versions of its terms. */
export const AmendmentsPanel = ({ agreement, mayChange }: { agreement: Agreement; mayChange: boolean }) => {
  const { t } = useTranslation();
  const amendments = useAmendments(agreement.id);
  const [proposing, setProposing] = useState(false);
  const [decision, setDecision] = useState<AmendmentDecision | null>(null);

  if (UnsignedStatuses.includes(agreement.status)) {
    return <PanelNote>{t('agreements.amendments.beforeSignature')}</PanelNote>;
  }
  const amendable = AmendableStatuses.includes(agreement.status);
  const open = amendments.data?.items.find((a) => a.status === 'PROPOSED');

  return (
    <Stack gap="xl">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4">
            {t('agreements.amendments.title')}
          </Title>
          {mayChange && amendable && (
            <Button onClick={() => setProposing(true)} disabled={open !== undefined}>
              {t('agreements.amendments.propose')}
            </Button>
          )}
        </Group>
        {mayChange && open && <PanelNote>{t('agreements.amendments.rule.one_at_a_time')}</PanelNote>}
        {!amendable && <PanelNote>{t('agreements.amendments.rule.not_amendable')}</PanelNote>}
        {amendments.isPending ? (
          <Skeleton height={80} />
        ) : amendments.isError ? (
          <QueryErrorAlert
            title={t('agreements.amendments.loadError')}
            error={amendments.error}
            onRetry={() => void amendments.refetch()}
          />
        ) : amendments.data.items.length === 0 ? (
          <PanelNote>{t('agreements.amendments.none')}</PanelNote>
        ) : (
          <AmendmentList
            agreement={agreement}
            amendments={amendments.data.items}
            mayDecide={mayChange}
            onDecide={setDecision}
          />
        )}
      </Stack>
      <AgreementVersions agreement={agreement} />
      {proposing && <ProposeAmendmentDialog agreement={agreement} onClose={() => setProposing(false)} />}
      {decision && (
        <DecideAmendmentDialog agreement={agreement} decision={decision} onClose={() => setDecision(null)} />
      )}
    </Stack>
  );
};
