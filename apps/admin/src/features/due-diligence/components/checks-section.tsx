import { mandatoryChecksFor, type CheckType, type DueDiligence, type Partner } from '@pardev/contracts';
import { Alert, Button, EmptyState, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useListFormat } from '../../../lib/list-format';
import { checkTypeLabelKey } from '../../../lib/reference-labels';
import { ChecksTable } from './checks-table';
import { RecordCheckModal } from './record-check-modal';
import { Section } from './section';

interface ChecksSectionProps {
  partner: Partner;
  dueDiligence: DueDiligence;
  /** True while the due diligence is being refreshed. */
  busy: boolean;
  /** Whether the signed-in user may record checks on this partner (the contract's rule). */
  mayRecord: boolean;
}

/** The partner's checks: which are mandatory, which were never done, and the latest of each type. */
export const ChecksSection = ({ partner, dueDiligence, busy, mayRecord }: ChecksSectionProps) => {
  const { t } = useTranslation();
  const formatList = useListFormat();
  const [recording, setRecording] = useState(false);
  const mandatory = mandatoryChecksFor(dueDiligence.category);
  const checkTypes = (types: readonly CheckType[]) =>
    formatList(types.map((type) => t(checkTypeLabelKey(type))));

  return (
    <Section
      id="checks-title"
      title={t('dueDiligence.checks.title')}
      actions={
        mayRecord && <Button onClick={() => setRecording(true)}>{t('dueDiligence.checks.record')}</Button>
      }
    >
      {mandatory.length > 0 && (
        <Text size="sm" c="dimmed">
          {t('dueDiligence.checks.mandatoryIntro', { checks: checkTypes(mandatory) })}
        </Text>
      )}
      {dueDiligence.missingChecks.length > 0 && (
        <Alert color="yellow" variant="light" title={t('dueDiligence.checks.missing.title')}>
          {t('dueDiligence.checks.missing.description', { checks: checkTypes(dueDiligence.missingChecks) })}
        </Alert>
      )}
      {dueDiligence.checks.length === 0 ? (
        <EmptyState
          title={t('dueDiligence.checks.empty.title')}
          description={t('dueDiligence.checks.empty.description')}
        />
      ) : (
        <ChecksTable checks={dueDiligence.checks} mandatory={mandatory} busy={busy} />
      )}
      <RecordCheckModal
        partner={recording ? partner : null}
        mandatory={mandatory}
        onClose={() => setRecording(false)}
      />
    </Section>
  );
};
