import {
  AmendmentTypes,
  UnsignedStatuses,
  amendmentTypeProblems,
  type Agreement,
  type AgreementTerms,
  type Amendment,
  type AmendmentType,
  type TermChanges,
} from '@pardev/contracts';
import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  Modal,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateOnly, DateTime } from '../../../components/date-time';
import { currentLanguage } from '../../../i18n/i18n';
import { QueryErrorAlert } from '../../../components/query-error-alert';
import { isApiError } from '../../../lib/api-error';
import { todayIsoDate } from '../../../lib/dates';
import {
  useAgreementVersions,
  useAmendments,
  useDecideAmendment,
  useProposeAmendment,
  useVersionDiff,
} from '../api/amendments';
import { amountInputValue, formatMoney, parseAmount } from '../lib/money';
import { useTermText } from '../lib/term-text';
import { ProblemAlert } from './problem-alert';

const AmendableStatuses: readonly string[] = ['SIGNED', 'ACTIVE', 'SUSPENDED'];

const statusColors: Readonly<Record<Amendment['status'], string>> = {
  PROPOSED: 'yellow',
  APPROVED: 'green',
  REJECTED: 'red',
};

const knownRules = [
  'budget_up_to_20',
  'budget_over_20',
  'no_cost',
  'extends',
  'administrative_only',
  'date_order',
  'not_amendable',
  'one_at_a_time',
  'no_change',
  'decided',
  'reason_required',
  'signature_date_required',
  'signature_date_future',
] as const;
type Rule = (typeof knownRules)[number];
const isRule = (rule: string): rule is Rule => (knownRules as readonly string[]).includes(rule);

/** A refusal of the amendment rules (the admin's live check or the server's), as a sentence. */
export const amendmentRuleSentence = (t: TFunction, rule: string, message: string): string =>
  isRule(rule) ? t(`agreements.amendments.rule.${rule}`) : message;

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
  const { t, i18n } = useTranslation();
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
  const serverErrors = isApiError(propose.error) ? propose.error.fieldErrors : [];
  const text = useTermText(currency);
  const money = parseAmount(draft.amount, currency);

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
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={t('agreements.amendments.proposeTitle', { reference: agreement.reference })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
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
            <TextInput
              label={t('agreements.create.totalIn', { currency })}
              inputMode="decimal"
              value={draft.amount}
              description={
                money !== undefined ? formatMoney(money, currency, currentLanguage(i18n)) : undefined
              }
              onChange={(e) => set('amount', e.currentTarget.value)}
              error={amountUnreadable ? t('agreements.money.amountInvalid', { currency }) : undefined}
            />
            <NumberInput
              label={t('agreements.fields.pscRatePercent')}
              min={0}
              max={100}
              decimalScale={2}
              suffix=" %"
              value={draft.pscRatePercent}
              onChange={(value) =>
                set('pscRatePercent', typeof value === 'number' ? value : Number(value) || 0)
              }
            />
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
          <Textarea
            label={t('agreements.fields.description')}
            autosize
            minRows={2}
            value={draft.description}
            onChange={(e) => set('description', e.currentTarget.value)}
          />
          {!nothing && (
            <Paper withBorder p="sm">
              <Text size="sm" fw={600}>
                {t('agreements.amendments.changesTitle')}
              </Text>
              <List size="sm" data-testid="proposal-changes">
                {Object.entries(changes).map(([field, after]) => (
                  <List.Item key={field}>
                    {text.label(field)}:{' '}
                    {text.value(field, termsOf(agreement)[field as keyof AgreementTerms])} →{' '}
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
            <Alert color="red" variant="light" role="alert" title={t('agreements.amendments.proposeFailed')}>
              {serverErrors.length > 0 ? (
                <List size="sm">
                  {serverErrors.map((e) => (
                    <List.Item key={`${e.field}-${e.rule}`}>
                      {amendmentRuleSentence(t, e.rule, e.message)}
                    </List.Item>
                  ))}
                </List>
              ) : (
                <ProblemAlert title={t('agreements.amendments.proposeFailed')} error={propose.error} />
              )}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={propose.isPending}>
              {t('agreements.amendments.propose')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
};

type Decision = { kind: 'approve' | 'reject'; amendment: Amendment };

const DecideDialog = ({
  agreement,
  decision,
  onClose,
}: {
  agreement: Agreement;
  decision: Decision;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const decide = useDecideAmendment(agreement.id);
  const [signedOn, setSignedOn] = useState(todayIsoDate());
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const { kind, amendment } = decision;
  const approve = kind === 'approve';
  const missing = approve ? signedOn === '' : reason.trim() === '';
  const future = approve && signedOn > todayIsoDate();
  const serverErrors = isApiError(decide.error) ? decide.error.fieldErrors : [];

  const submit = () => {
    setTried(true);
    if (missing || future) return;
    decide.mutate(
      approve
        ? { decision: 'approve', amendmentId: amendment.id, version: agreement.version, signedOn }
        : {
            decision: 'reject',
            amendmentId: amendment.id,
            version: agreement.version,
            reason: reason.trim(),
          },
      {
        onSuccess: (decided) => {
          notifications.show({
            color: 'green',
            message: approve
              ? t('agreements.amendments.approved', {
                  sequence: decided.sequence,
                  version: decided.makesVersion ?? '',
                })
              : t('agreements.amendments.rejected', { sequence: decided.sequence }),
          });
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t(approve ? 'agreements.amendments.approveTitle' : 'agreements.amendments.rejectTitle', {
        sequence: amendment.sequence,
      })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          {approve ? (
            <>
              <Text size="sm">{t('agreements.amendments.approveHelp')}</Text>
              <TextInput
                type="date"
                required
                label={t('agreements.amendments.signedOn')}
                value={signedOn}
                max={todayIsoDate()}
                onChange={(e) => setSignedOn(e.currentTarget.value)}
                error={
                  tried && missing
                    ? t('validation.required')
                    : future
                      ? t('agreements.amendments.rule.signature_date_future')
                      : undefined
                }
              />
            </>
          ) : (
            <Textarea
              required
              label={t('agreements.amendments.rejectReason')}
              autosize
              minRows={2}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={tried && missing ? t('validation.required') : undefined}
            />
          )}
          {decide.isError &&
            (serverErrors.length > 0 ? (
              <Alert color="red" variant="light" role="alert" title={t('agreements.amendments.decideFailed')}>
                <List size="sm">
                  {serverErrors.map((e) => (
                    <List.Item key={`${e.field}-${e.rule}`}>
                      {amendmentRuleSentence(t, e.rule, e.message)}
                    </List.Item>
                  ))}
                </List>
              </Alert>
            ) : (
              <ProblemAlert title={t('agreements.amendments.decideFailed')} error={decide.error} />
            ))}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={approve ? undefined : 'red'} loading={decide.isPending}>
              {t(approve ? 'agreements.amendments.approve' : 'agreements.amendments.reject')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
};

const ChangesList = ({ changes, currency }: { changes: Amendment['changes']; currency: string }) => {
  const text = useTermText(currency);
  return (
    <List size="sm" spacing={2} listStyleType="none">
      {changes.map((change) => (
        <List.Item key={change.field}>
          <Text span c="dimmed" inherit>
            {text.label(change.field)}:
          </Text>{' '}
          {text.value(change.field, change.before)} → {text.value(change.field, change.after)}
        </List.Item>
      ))}
    </List>
  );
};

const VersionsSection = ({ agreement }: { agreement: Agreement }) => {
  const { t } = useTranslation();
  const versions = useAgreementVersions(agreement.id);
  const items = versions.data?.items ?? [];
  const latest = items.at(-1)?.number ?? 0;
  const [pair, setPair] = useState<{ from: number; to: number } | null>(null);
  const chosen = pair ?? (items.length > 1 ? { from: 0, to: latest } : null);
  const diff = useVersionDiff(agreement.id, chosen);
  const text = useTermText(agreement.currency);

  if (versions.isPending) return <Skeleton height={80} />;
  if (versions.isError)
    return (
      <QueryErrorAlert
        title={t('agreements.versions.loadError')}
        error={versions.error}
        onRetry={() => void versions.refetch()}
      />
    );
  const options = items.map((v) => ({
    value: String(v.number),
    label:
      v.number === 0
        ? t('agreements.versions.asSigned')
        : t('agreements.versions.numbered', {
            number: v.number,
            type: v.amendmentType ? t(`agreements.amendments.types.${v.amendmentType}`) : '',
          }),
  }));

  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {t('agreements.versions.title')}
      </Title>
      <Table withTableBorder fz="sm" data-testid="versions-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('agreements.versions.number')}</Table.Th>
            <Table.Th scope="col">{t('agreements.amendments.type')}</Table.Th>
            <Table.Th scope="col">{t('agreements.fields.total')}</Table.Th>
            <Table.Th scope="col">{t('agreements.fields.endOn')}</Table.Th>
            <Table.Th scope="col">{t('agreements.versions.createdAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((v) => (
            <Table.Tr key={v.number}>
              <Table.Td>{v.number}</Table.Td>
              <Table.Td>
                {v.amendmentType
                  ? t(`agreements.amendments.types.${v.amendmentType}`)
                  : t('agreements.versions.asSigned')}
              </Table.Td>
              <Table.Td>{text.value('totalMinor', v.terms.totalMinor)}</Table.Td>
              <Table.Td>{text.value('endOn', v.terms.endOn)}</Table.Td>
              <Table.Td>
                <DateTime value={v.createdAt} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {items.length > 1 && chosen && (
        <Stack gap="xs">
          <Group align="flex-end">
            <Select
              label={t('agreements.versions.compareFrom')}
              data={options}
              value={String(chosen.from)}
              allowDeselect={false}
              onChange={(value) => setPair({ ...chosen, from: Number(value ?? 0) })}
            />
            <Select
              label={t('agreements.versions.compareTo')}
              data={options}
              value={String(chosen.to)}
              allowDeselect={false}
              onChange={(value) => setPair({ ...chosen, to: Number(value ?? latest) })}
            />
          </Group>
          {diff.isError ? (
            <QueryErrorAlert
              title={t('agreements.versions.diffError')}
              error={diff.error}
              onRetry={() => void diff.refetch()}
            />
          ) : !diff.data ? (
            <Skeleton height={40} />
          ) : diff.data.changes.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('agreements.versions.same')}
            </Text>
          ) : (
            <Table withTableBorder fz="sm" data-testid="version-diff">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('agreements.conflict.field')}</Table.Th>
                  <Table.Th scope="col">
                    {t('agreements.versions.inVersion', { number: diff.data.from })}
                  </Table.Th>
                  <Table.Th scope="col">
                    {t('agreements.versions.inVersion', { number: diff.data.to })}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {diff.data.changes.map((change) => (
                  <Table.Tr key={change.field}>
                    <Table.Th scope="row">{text.label(change.field)}</Table.Th>
                    <Table.Td>{text.value(change.field, change.before)}</Table.Td>
                    <Table.Td>{text.value(change.field, change.after)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      )}
    </Stack>
  );
};

/** Amendments of a signed agreement (proposed, approved, rejected) and the versions of its terms. */
export const AmendmentsPanel = ({ agreement, mayChange }: { agreement: Agreement; mayChange: boolean }) => {
  const { t } = useTranslation();
  const amendments = useAmendments(agreement.id);
  const [proposing, setProposing] = useState(false);
  const [decision, setDecision] = useState<Decision | null>(null);

  if (UnsignedStatuses.includes(agreement.status)) {
    return (
      <Text c="dimmed" size="sm">
        {t('agreements.amendments.beforeSignature')}
      </Text>
    );
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
        {mayChange && open && (
          <Text size="sm" c="dimmed">
            {t('agreements.amendments.rule.one_at_a_time')}
          </Text>
        )}
        {!amendable && (
          <Text size="sm" c="dimmed">
            {t('agreements.amendments.rule.not_amendable')}
          </Text>
        )}
        {amendments.isPending ? (
          <Skeleton height={80} />
        ) : amendments.isError ? (
          <QueryErrorAlert
            title={t('agreements.amendments.loadError')}
            error={amendments.error}
            onRetry={() => void amendments.refetch()}
          />
        ) : amendments.data.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('agreements.amendments.none')}
          </Text>
        ) : (
          <Stack gap="sm" data-testid="amendments">
            {amendments.data.items.map((amendment) => (
              <Paper key={amendment.id} withBorder p="md">
                <Stack gap={6}>
                  <Group justify="space-between">
                    <Group gap="xs">
                      <Text fw={600}>
                        {t('agreements.amendments.numbered', { sequence: amendment.sequence })} ·{' '}
                        {t(`agreements.amendments.types.${amendment.type}`)}
                      </Text>
                      <Badge color={statusColors[amendment.status]} variant="light" tt="none">
                        {t(`agreements.amendments.status.${amendment.status}`)}
                      </Badge>
                    </Group>
                    {mayChange && amendment.status === 'PROPOSED' && (
                      <Group gap="xs">
                        <Button size="xs" onClick={() => setDecision({ kind: 'approve', amendment })}>
                          {t('agreements.amendments.approve')}
                        </Button>
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => setDecision({ kind: 'reject', amendment })}
                        >
                          {t('agreements.amendments.reject')}
                        </Button>
                      </Group>
                    )}
                  </Group>
                  <Text size="sm">
                    <Text span c="dimmed" inherit>
                      {t('agreements.amendments.reason')}:
                    </Text>{' '}
                    {amendment.reason}
                  </Text>
                  <ChangesList changes={amendment.changes} currency={agreement.currency} />
                  <Text size="xs" c="dimmed">
                    {t('agreements.amendments.proposedAt')} <DateTime value={amendment.proposedAt} />
                    {amendment.signedOn && (
                      <>
                        {' · '}
                        {t('agreements.amendments.signedOn')} <DateOnly value={amendment.signedOn} />
                      </>
                    )}
                    {amendment.makesVersion !== null &&
                      ` · ${t('agreements.amendments.makesVersion', { number: amendment.makesVersion })}`}
                  </Text>
                  {amendment.decisionReason && (
                    <Text size="sm">
                      <Text span c="dimmed" inherit>
                        {t('agreements.amendments.rejectReason')}:
                      </Text>{' '}
                      {amendment.decisionReason}
                    </Text>
                  )}
                </Stack>
              </Paper>
            ))}
          </Stack>
        )}
      </Stack>
      <VersionsSection agreement={agreement} />
      {proposing && <ProposeAmendmentDialog agreement={agreement} onClose={() => setProposing(false)} />}
      {decision && (
        <DecideDialog agreement={agreement} decision={decision} onClose={() => setDecision(null)} />
      )}
    </Stack>
  );
};
