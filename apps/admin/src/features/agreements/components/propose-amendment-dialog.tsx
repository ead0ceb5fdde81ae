import {
  AmendmentTypes,
  amendmentTypeProblems,
  type Agreement,
  type AgreementTerms,
  type AmendmentType,
  type TermChanges,
} from '@pardev/contracts';
import { Alert, List, Paper, Select, SimpleGrid, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProposeAmendment } from '../api/amendments';
import { amountInputValue, parseAmount } from '../lib/money';
import { useTermText } from '../lib/term-text';
import { AmendmentFailureAlert, amendmentRuleSentence } from './amendment-rules';
import { FormDialog } from './form-dialog';
import { PscRateInput, TotalAmountInput } from './term-inputs';
import { DescriptionInput } from './term-inputs';

export const termsOf = (agreement: Agreement): AgreementTerms => ({
  title: agreement.title,
  description: agreement.description,
  totalMinor: agreement.totalMinor,
  pscRatePercent: agreement.pscRatePercent,
  startOn: agreement.startOn,
  endOn: agreement.endOn,
  allocations: agreement.allocations,
});

interface ProposalDraft {
  type: AmendmentType | null;
  reason: string;
  title: string;
  description: string;
  amount: string;
  pscRatePercent: number;
  startOn: string;
  endOn: string;
}

const proposalOf = (agreement: Agreement): ProposalDraft => ({
  type: null,
  reason: '',
  title: agreement.title,
  description: agreement.description ?? '',
  amount: amountInputValue(agreement.totalMinor, agreement.currency),
  pscRatePercent: agreement.pscRatePercent,
  startOn: agreement.startOn ?? '',
  endOn: agreement.endOn ?? '',
});

/** The terms the proposal changes (those that differ from the agreement as it stands). */
export const changesOf = (agreement: Agreement, draft: ProposalDraft): TermChanges => {
  const changes: TermChanges = {};
  const total = parseAmount(draft.amount, agreement.currency);
  if (draft.title.trim() !== agreement.title) changes.title = draft.title.trim();
  if ((draft.description.trim() || null) !== agreement.description)
    changes.description = draft.description.trim() || null;
  if (total !== undefined && total !== agreement.totalMinor) changes.totalMinor = total;
  if (draft.pscRatePercent !== agreement.pscRatePercent) changes.pscRatePercent = draft.pscRatePercent;
  if (draft.startOn && draft.startOn !== agreement.startOn) changes.startOn = draft.startOn;
  if (draft.endOn && draft.endOn !== agreement.endOn) changes.endOn = draft.endOn;
  return changes;
};

/** Proposing an amendment: its type, why, and the terms it changes, checked against the type as typed. */
export const ProposeAmendmentDialog = ({
  agreement,
  onClose,
}: {
  agreement: Agreement;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const propose = useProposeAmendment(agreement.id);
  const [draft, setDraft] = useState(() => proposalOf(agreement));
  const [tried, setTried] = useState(false);
  const set = <K extends keyof ProposalDraft>(key: K, value: ProposalDraft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));
  const { currency } = agreement;
  const changes = changesOf(agreement, draft);
  const amountUnreadable = draft.amount.trim() === '' || parseAmount(draft.amount, currency) === undefined;
  const problems = draft.type ? amendmentTypeProblems(draft.type, termsOf(agreement), changes) : [];
  const nothing = Object.keys(changes).length === 0;
  const ruleSentences = [
    ...problems.map((p) => amendmentRuleSentence(t, p.rule, p.message)),
    ...(nothing ? [t('agreements.amendments.rule.no_change')] : []),
  ];
  const text = useTermText(currency);

  const submit = () => {
    setTried(true);
    if (!draft.type || draft.reason.trim() === '' || amountUnreadable || ruleSentences.length > 0) return;
    propose.mutate(
      { type: draft.type, reason: draft.reason.trim(), changes },
      {
        onSuccess: (amendment) => {
          notifications.show({
            color: 'green',
            message: t('agreements.amendments.proposed', { sequence: amendment.sequence }),
          });
          onClose();
        },
      },
    );
  };

  return (
    <FormDialog
      size="lg"
      title={t('agreements.amendments.proposeTitle', { reference: agreement.reference })}
      submitLabel={t('agreements.amendments.propose')}
      pending={propose.isPending}
      onSubmit={submit}
      onClose={onClose}
    >
      <Select
        label={t('agreements.amendments.type')}
        required
        data={AmendmentTypes.map((type) => ({
          value: type,
          label: t(`agreements.amendments.types.${type}`),
        }))}
        value={draft.type}
        onChange={(value) => set('type', value as AmendmentType | null)}
        description={draft.type ? t(`agreements.amendments.typeHelp.${draft.type}`) : undefined}
        error={tried && !draft.type ? t('validation.required') : undefined}
        comboboxProps={{ withinPortal: true }}
      />
      <Textarea
        label={t('agreements.amendments.reason')}
        required
        autosize
        minRows={2}
        value={draft.reason}
        onChange={(e) => set('reason', e.currentTarget.value)}
        error={tried && draft.reason.trim() === '' ? t('validation.required') : undefined}
      />
      <Text fw={600} size="sm">
        {t('agreements.amendments.termsToChange')}
      </Text>
      <TextInput
        label={t('agreements.fields.title')}
        value={draft.title}
        onChange={(e) => set('title', e.currentTarget.value)}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TotalAmountInput
          currency={currency}
          value={draft.amount}
          onChange={(value) => set('amount', value)}
          error={amountUnreadable ? t('agreements.money.amountInvalid', { currency }) : undefined}
        />
        <PscRateInput value={draft.pscRatePercent} onChange={(value) => set('pscRatePercent', value)} />
        <TextInput
          type="date"
          label={t('agreements.fields.startOn')}
          value={draft.startOn}
          onChange={(e) => set('startOn', e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('agreements.fields.endOn')}
          value={draft.endOn}
          onChange={(e) => set('endOn', e.currentTarget.value)}
        />
      </SimpleGrid>
      <DescriptionInput value={draft.description} onChange={(value) => set('description', value)} />
      {!nothing && (
        <Paper withBorder p="sm">
          <Text size="sm" fw={600}>
            {t('agreements.amendments.changesTitle')}
          </Text>
          <List size="sm" data-testid="proposal-changes">
            {Object.entries(changes).map(([field, after]) => (
              <List.Item key={field}>
                {text.label(field)}: {text.value(field, termsOf(agreement)[field as keyof AgreementTerms])} →{' '}
                {text.value(field, after)}
              </List.Item>
            ))}
          </List>
        </Paper>
      )}
      {draft.type && ruleSentences.length > 0 && (
        <Alert
          color="red"
          variant="light"
          role="alert"
          title={t('agreements.amendments.doesNotFit', {
            type: t(`agreements.amendments.types.${draft.type}`),
          })}
          data-testid="amendment-problems"
        >
          <List size="sm">
            {ruleSentences.map((sentence) => (
              <List.Item key={sentence}>{sentence}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {propose.isError && (
        <AmendmentFailureAlert title={t('agreements.amendments.proposeFailed')} error={propose.error} />
      )}
    </FormDialog>
  );
};
