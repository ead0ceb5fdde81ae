import { Alert, List, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n/i18n';
import { allocationProblemKey, type AgreementDraft } from '../lib/agreement-draft';
import { agreementTypeLabel, fundingSourceLabel } from '../lib/labels';
import { formatMoney, parseAmount } from '../lib/money';

interface AgreementSummaryStepProps {
  draft: AgreementDraft;
  partnerName: (id: string) => string;
  /** What the allocations still lack (the server will refuse them). */
  allocationProblems: readonly { field: string; rule: string }[];
}

/** The last step: the agreement as it will be sent, and what its allocations still lack. */
export const AgreementSummaryStep = ({
  draft,
  partnerName,
  allocationProblems,
}: AgreementSummaryStepProps) => {
  const { t, i18n } = useTranslation();
  const amountMinor = parseAmount(draft.amount, draft.currency);
  return (
    <Paper withBorder p="md" mt="md">
      <Stack gap="xs" data-testid="create-summary">
        <Text fw={600}>{draft.title}</Text>
        <Text size="sm">{draft.partnerIds.map(partnerName).join(', ')}</Text>
        <Text size="sm">
          {amountMinor !== undefined ? formatMoney(amountMinor, draft.currency, currentLanguage(i18n)) : '—'}{' '}
          · {fundingSourceLabel(t, draft.fundingSource)} · {agreementTypeLabel(t, draft.type)}
        </Text>
        {allocationProblems.length > 0 && (
          <Alert color="yellow" variant="light" title={t('agreements.create.beforeSubmit')}>
            <List size="sm">
              {allocationProblems.map((problem) => (
                <List.Item key={`${problem.field}-${problem.rule}`}>
                  {t(allocationProblemKey(problem))}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
};
