import {
  CreateAgreementRequestSchema,
  CurrencyCodeList,
  allocationProblems,
  emptyAllocations,
  type Agreement,
  type Allocations,
  type PartnerOption,
} from '@pardev/contracts';
import { AgreementTypes, FundingSources } from '@pardev/reference-data';
import {
  Alert,
  Button,
  Group,
  List,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Stepper,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ParseKeys } from 'i18next';
import { useMemo, useState, type Dispatch, type ReactNode, type SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { currentLanguage } from '../../../i18n/i18n';
import { isApiError } from '../../../lib/api-error';
import {
  ValidationMessage,
  describeServerFieldError,
  describeZodIssue,
  type ValidationDescriptor,
} from '../../../lib/form-validation';
import { staffOptions, useStaff, useStaffNames } from '../../../lib/staff-directory';
import { useCreateAgreement } from '../api/agreements';
import { usePartnerOptions } from '../api/get-partner-options';
import { aidTypeOptions, earmarkingOptions, financeTypeOptions, flowTypeOptions } from '../lib/codelists';
import { agreementTypeLabel, fundingSourceLabel } from '../lib/labels';
import { amountInputValue, formatMoney, parseAmount } from '../lib/money';
import { OutcomesEditor, RecipientsEditor, SectorsEditor } from './allocation-editors';
import { ProblemAlert } from './problem-alert';

export interface AgreementDraft {
  partnerIds: string[];
  title: string;
  type: string;
  fundingSource: string;
  earmarkingCategory: string;
  aidType: string;
  flowType: string;
  financeType: string;
  description: string;
  currency: string;
  amount: string;
  pscRatePercent: number;
  startOn: string;
  endOn: string;
  responsibleOfficerId: string;
  allocations: Allocations;
}

export const emptyDraft = (officerId = ''): AgreementDraft => ({
  partnerIds: [],
  title: '',
  type: '',
  fundingSource: '',
  earmarkingCategory: '',
  aidType: '',
  flowType: '',
  financeType: '',
  description: '',
  currency: 'USD',
  amount: '',
  pscRatePercent: 13,
  startOn: '',
  endOn: '',
  responsibleOfficerId: officerId,
  allocations: emptyAllocations(),
});

const blank = (value: string) => (value.trim() === '' ? null : value);

/** What the contract reads from the draft (an amount that is not one stays out: the step says why). */
export const toRequest = (draft: AgreementDraft): Record<string, unknown> => ({
  partnerIds: draft.partnerIds,
  title: draft.title,
  type: blank(draft.type) ?? undefined,
  fundingSource: blank(draft.fundingSource) ?? undefined,
  earmarkingCategory: blank(draft.earmarkingCategory) ?? undefined,
  aidType: blank(draft.aidType),
  flowType: blank(draft.flowType),
  financeType: blank(draft.financeType),
  description: blank(draft.description),
  currency: draft.currency,
  totalMinor: parseAmount(draft.amount, draft.currency) ?? -1,
  pscRatePercent: draft.pscRatePercent,
  startOn: blank(draft.startOn),
  endOn: blank(draft.endOn),
  signedOn: null,
  responsibleOfficerId: blank(draft.responsibleOfficerId),
  allocations: {
    ...draft.allocations,
    recipients: draft.allocations.recipients.filter((r) => r.code !== '' || r.percent > 0),
    sectors: draft.allocations.sectors.filter((s) => s.code !== '' || s.percent > 0),
  },
});

/** The fields of each step, as the contract names them. */
export const StepFields = [
  [
    'partnerIds',
    'title',
    'type',
    'fundingSource',
    'earmarkingCategory',
    'aidType',
    'flowType',
    'financeType',
    'description',
  ],
  ['currency', 'totalMinor', 'pscRatePercent'],
  ['startOn', 'endOn', 'responsibleOfficerId'],
  ['allocations'],
] as const;

const labelKeys: Readonly<Record<string, ParseKeys>> = {
  partnerIds: 'agreements.fields.partners',
  title: 'agreements.fields.title',
  type: 'agreements.fields.type',
  fundingSource: 'agreements.fields.fundingSource',
  earmarkingCategory: 'agreements.fields.earmarkingCategory',
  aidType: 'agreements.fields.aidType',
  flowType: 'agreements.fields.flowType',
  financeType: 'agreements.fields.financeType',
  description: 'agreements.fields.description',
  currency: 'agreements.fields.currency',
  totalMinor: 'agreements.fields.total',
  pscRatePercent: 'agreements.fields.pscRatePercent',
  startOn: 'agreements.fields.startOn',
  endOn: 'agreements.fields.endOn',
  responsibleOfficerId: 'agreements.fields.responsibleOfficer',
  allocations: 'agreements.fields.allocations',
};

/** Each field's first problem under the shared schema, keyed by its top-level field. */
export const validateDraft = (draft: AgreementDraft): Record<string, ValidationDescriptor> => {
  const result: Record<string, ValidationDescriptor> = {};
  const input = toRequest(draft);
  const parsed = CreateAgreementRequestSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path.length > 0 ? issue.path.map(String).join('.') : 'form';
      const top = String(issue.path[0] ?? 'form');
      const key = top === 'allocations' ? field : top;
      if (result[key]) continue;
      const value = input[top];
      const empty =
        value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
      result[key] =
        issue.code !== 'custom' && empty && top !== 'partnerIds'
          ? { key: 'validation.required', fallback: issue.message }
          : describeZodIssue(issue, { date_order: 'validation.dateOrder' });
    }
  }
  // An amount that cannot be read: say how to type one in this currency.
  if (draft.amount.trim() !== '' && parseAmount(draft.amount, draft.currency) === undefined) {
    result['totalMinor'] = { key: undefined, fallback: 'amount' };
  } else if (draft.amount.trim() === '') {
    result['totalMinor'] = { key: 'validation.required', fallback: '' };
  }
  return result;
};

const stepOf = (field: string): number =>
  StepFields.findIndex((fields) => (fields as readonly string[]).includes(field.split('.')[0] ?? ''));

/** The draft of an agreement as it stands (for editing it before signature). */
export const draftOf = (agreement: Agreement): AgreementDraft => ({
  partnerIds: agreement.partners.map((partner) => partner.id),
  title: agreement.title,
  type: agreement.type,
  fundingSource: agreement.fundingSource,
  earmarkingCategory: agreement.earmarkingCategory,
  aidType: agreement.aidType ?? '',
  flowType: agreement.flowType ?? '',
  financeType: agreement.financeType ?? '',
  description: agreement.description ?? '',
  currency: agreement.currency,
  amount: amountInputValue(agreement.totalMinor, agreement.currency),
  pscRatePercent: agreement.pscRatePercent,
  startOn: agreement.startOn ?? '',
  endOn: agreement.endOn ?? '',
  responsibleOfficerId: agreement.responsibleOfficerId ?? '',
  allocations: agreement.allocations,
});

/** The partners of an agreement as options of the partner picker (their names known at once). */
export const partnerOptionsOf = (agreement: Agreement): PartnerOption[] =>
  agreement.partners.map((partner) => ({ ...partner, category: 'OTHER', country: null }));

export type AgreementRequestBody = z.output<typeof CreateAgreementRequestSchema>;

export interface AgreementFlowProps {
  draft: AgreementDraft;
  onDraftChange: Dispatch<SetStateAction<AgreementDraft>>;
  /** Partners whose names are known before any search (those already on the agreement). */
  knownPartners?: readonly PartnerOption[] | undefined;
  /** Shown above the steps (e.g. another person's changes after a 409). */
  notice?: ReactNode;
  submitLabel: string;
  pending: boolean;
  /** The error of the last save: its field errors are shown beside the fields. */
  error: unknown;
  /** Whether the error is shown as an alert too (not when the notice explains it). */
  showErrorAlert: boolean;
  failedTitle: string;
  /** The body the contract accepts; `goToField` opens the step of a field the server refused. */
  onSubmit: (body: AgreementRequestBody, goToField: (field: string) => void) => void;
  onCancel: () => void;
}

/**
 * The guided flow of an agreement's terms: partners and basics → money → dates and officer →
 * allocations → summary. Each step is checked with the contract's schema before the next opens,
 * and each refusal says what to do. Used to draft an agreement and to edit it before signature.
 */
export const AgreementFlow = ({
  draft,
  onDraftChange: setDraft,
  knownPartners = [],
  notice,
  submitLabel,
  pending,
  error,
  showErrorAlert,
  failedTitle,
  onSubmit,
  onCancel,
}: AgreementFlowProps) => {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [step, setStep] = useState(0);
  const [shown, setShown] = useState<Set<number>>(new Set());
  const [partnerSearch, setPartnerSearch] = useState('');
  const partnerOptions = usePartnerOptions({ q: partnerSearch || undefined, page: 1, pageSize: 50 });
  const [known, setKnown] = useState<Map<string, PartnerOption>>(
    () => new Map(knownPartners.map((partner) => [partner.id, partner])),
  );
  const officers = useStaff('officer');
  const { nameOf } = useStaffNames();

  const problems = useMemo(() => validateDraft(draft), [draft]);
  const serverErrors = isApiError(error) ? error.fieldErrors : [];
  const errorFor = (field: string): ReactNode => {
    const server = serverErrors.find((e) => e.field === field);
    if (server) {
      if (server.rule === 'partner_blocked') return t('agreements.create.partnerBlocked');
      return (
        <ValidationMessage descriptor={describeServerFieldError(server)} fieldLabelKey={labelKeys[field]} />
      );
    }
    if (!shown.has(stepOf(field))) return null;
    const descriptor = problems[field];
    if (!descriptor) return null;
    if (field === 'totalMinor' && descriptor.key === undefined) {
      return t('agreements.money.amountInvalid', { currency: draft.currency });
    }
    return <ValidationMessage descriptor={descriptor} fieldLabelKey={labelKeys[field]} />;
  };
  const set = <K extends keyof AgreementDraft>(key: K, value: AgreementDraft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));

  const stepProblems = (index: number) => Object.keys(problems).filter((field) => stepOf(field) === index);
  const next = () => {
    setShown((current) => new Set(current).add(step));
    if (stepProblems(step).length === 0) setStep(step + 1);
  };

  // Partners: blocked ones are listed but cannot be chosen, and say why.
  const options = partnerOptions.data?.items ?? [];
  const remember = (items: readonly PartnerOption[]) => {
    const missing = items.filter((item) => !known.has(item.id));
    if (missing.length > 0)
      setKnown((current) => new Map([...current, ...missing.map((m) => [m.id, m] as const)]));
  };
  if (options.some((option) => !known.has(option.id))) remember(options);
  const partnerLabel = (option: PartnerOption) =>
    option.blockedForNewAgreements
      ? t('agreements.create.blockedOption', {
          name: option.acronym ? `${option.name} (${option.acronym})` : option.name,
        })
      : option.acronym
        ? `${option.name} (${option.acronym})`
        : option.name;
  const partnerData = [
    ...options.map((option) => ({
      value: option.id,
      label: partnerLabel(option),
      disabled: option.blockedForNewAgreements,
    })),
    ...draft.partnerIds
      .filter((id) => !options.some((option) => option.id === id))
      .map((id) => ({ value: id, label: known.get(id)?.name ?? id })),
  ];
  const blockedShown = options.filter((option) => option.blockedForNewAgreements);

  const allocationSentences = allocationProblems(
    CreateAgreementRequestSchema.safeParse(toRequest(draft)).data?.allocations ?? draft.allocations,
  );
  const listProblems = (list: keyof Allocations) =>
    allocationSentences
      .filter((problem) => problem.field === `allocations.${list}`)
      .map((problem) =>
        t(
          `agreements.refusal.allocation.${problem.rule === 'sum_100' ? 'sum_100' : 'required'}.${list as 'recipients' | 'sectors' | 'pbOutcomes'}`,
        ),
      );
  const amountMinor = parseAmount(draft.amount, draft.currency);

  const submit = () => {
    const allShown = new Set([0, 1, 2, 3]);
    setShown(allShown);
    const first = [0, 1, 2, 3].find((index) => stepProblems(index).length > 0);
    if (first !== undefined) {
      setStep(first);
      return;
    }
    const body = CreateAgreementRequestSchema.parse(toRequest(draft));
    onSubmit(body, (field) => {
      const at = stepOf(field);
      if (at >= 0) setStep(at);
    });
  };

  const stepAlert = (index: number) =>
    shown.has(index) && stepProblems(index).length > 0 ? (
      <Alert color="red" variant="light" role="alert" title={t('agreements.create.fixStep')}>
        {t('agreements.create.fixStepHelp', { count: stepProblems(index).length })}
      </Alert>
    ) : null;

  return (
    <Stack gap="lg">
      {notice}
      <Stepper
        active={step}
        onStepClick={(index) => index < step && setStep(index)}
        allowNextStepsSelect={false}
      >
        <Stepper.Step label={t('agreements.create.step.basics')}>
          <Stack gap="md" mt="md">
            {stepAlert(0)}
            <MultiSelect
              label={t('agreements.fields.partners')}
              description={t('agreements.create.partnersHelp')}
              required
              searchable
              data={partnerData}
              value={draft.partnerIds}
              searchValue={partnerSearch}
              onSearchChange={setPartnerSearch}
              filter={({ options: all }) => all}
              onChange={(ids) => set('partnerIds', ids)}
              error={errorFor('partnerIds')}
              comboboxProps={{ withinPortal: true }}
            />
            {blockedShown.length > 0 && (
              <Text size="sm" c="dimmed" data-testid="blocked-partners-note">
                {t('agreements.create.blockedNote', {
                  count: blockedShown.length,
                  names: new Intl.ListFormat(language).format(blockedShown.map((p) => p.name)),
                })}
              </Text>
            )}
            <TextInput
              label={t('agreements.fields.title')}
              required
              value={draft.title}
              onChange={(e) => set('title', e.currentTarget.value)}
              error={errorFor('title')}
            />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select
                label={t('agreements.fields.type')}
                required
                data={AgreementTypes.map((code) => ({ value: code, label: agreementTypeLabel(t, code) }))}
                value={draft.type || null}
                onChange={(value) => set('type', value ?? '')}
                error={errorFor('type')}
              />
              <Select
                label={t('agreements.fields.fundingSource')}
                required
                data={FundingSources.map((code) => ({ value: code, label: fundingSourceLabel(t, code) }))}
                value={draft.fundingSource || null}
                onChange={(value) => set('fundingSource', value ?? '')}
                error={errorFor('fundingSource')}
              />
              <Select
                label={t('agreements.fields.earmarkingCategory')}
                required
                data={earmarkingOptions(language)}
                value={draft.earmarkingCategory || null}
                onChange={(value) => set('earmarkingCategory', value ?? '')}
                error={errorFor('earmarkingCategory')}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select
                label={t('agreements.fields.aidType')}
                searchable
                clearable
                data={aidTypeOptions(language)}
                value={draft.aidType || null}
                onChange={(value) => set('aidType', value ?? '')}
                error={errorFor('aidType')}
              />
              <Select
                label={t('agreements.fields.flowType')}
                clearable
                data={flowTypeOptions(language)}
                value={draft.flowType || null}
                onChange={(value) => set('flowType', value ?? '')}
                error={errorFor('flowType')}
              />
              <Select
                label={t('agreements.fields.financeType')}
                searchable
                clearable
                data={financeTypeOptions(language)}
                value={draft.financeType || null}
                onChange={(value) => set('financeType', value ?? '')}
                error={errorFor('financeType')}
              />
            </SimpleGrid>
            <Textarea
              label={t('agreements.fields.description')}
              autosize
              minRows={2}
              value={draft.description}
              onChange={(e) => set('description', e.currentTarget.value)}
              error={errorFor('description')}
            />
          </Stack>
        </Stepper.Step>
        <Stepper.Step label={t('agreements.create.step.money')}>
          <Stack gap="md" mt="md">
            {stepAlert(1)}
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select
                label={t('agreements.fields.currency')}
                required
                searchable
                data={CurrencyCodeList.map((code) => ({ value: code, label: code }))}
                value={draft.currency}
                allowDeselect={false}
                onChange={(value) => set('currency', value ?? 'USD')}
                error={errorFor('currency')}
              />
              <TextInput
                label={t('agreements.create.totalIn', { currency: draft.currency })}
                description={
                  amountMinor !== undefined
                    ? formatMoney(amountMinor, draft.currency, language)
                    : t('agreements.create.amountHelp')
                }
                required
                inputMode="decimal"
                value={draft.amount}
                onChange={(e) => set('amount', e.currentTarget.value)}
                error={errorFor('totalMinor')}
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
                error={errorFor('pscRatePercent')}
              />
            </SimpleGrid>
          </Stack>
        </Stepper.Step>
        <Stepper.Step label={t('agreements.create.step.dates')}>
          <Stack gap="md" mt="md">
            {stepAlert(2)}
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                type="date"
                label={t('agreements.fields.startOn')}
                value={draft.startOn}
                onChange={(e) => set('startOn', e.currentTarget.value)}
                error={errorFor('startOn')}
              />
              <TextInput
                type="date"
                label={t('agreements.fields.endOn')}
                value={draft.endOn}
                onChange={(e) => set('endOn', e.currentTarget.value)}
                error={errorFor('endOn')}
              />
              <Select
                label={t('agreements.fields.responsibleOfficer')}
                searchable
                clearable
                data={staffOptions(officers.data ?? [], nameOf, [draft.responsibleOfficerId || null])}
                value={draft.responsibleOfficerId || null}
                onChange={(value) => set('responsibleOfficerId', value ?? '')}
                error={errorFor('responsibleOfficerId')}
              />
            </SimpleGrid>
            <Text size="sm" c="dimmed">
              {t('agreements.create.datesHelp')}
            </Text>
          </Stack>
        </Stepper.Step>
        <Stepper.Step label={t('agreements.create.step.allocations')}>
          <Stack gap="md" mt="md">
            {stepAlert(3)}
            <Text size="sm" c="dimmed">
              {t('agreements.create.allocationsHelp')}
            </Text>
            <RecipientsEditor
              value={draft.allocations}
              onChange={(value) => set('allocations', value)}
              problems={{ recipients: listProblems('recipients') }}
            />
            <SectorsEditor
              value={draft.allocations}
              onChange={(value) => set('allocations', value)}
              problems={{ sectors: listProblems('sectors') }}
            />
            <OutcomesEditor
              value={draft.allocations}
              onChange={(value) => set('allocations', value)}
              problems={{ pbOutcomes: listProblems('pbOutcomes') }}
            />
            {shown.has(3) &&
              Object.entries(problems)
                .filter(([field]) => field.startsWith('allocations'))
                .map(([field, descriptor]) => (
                  <Text key={field} size="sm" c="red.9">
                    <ValidationMessage
                      descriptor={descriptor}
                      fieldLabelKey="agreements.fields.allocations"
                    />
                  </Text>
                ))}
          </Stack>
        </Stepper.Step>
        <Stepper.Completed>
          <Paper withBorder p="md" mt="md">
            <Stack gap="xs" data-testid="create-summary">
              <Text fw={600}>{draft.title}</Text>
              <Text size="sm">{draft.partnerIds.map((id) => known.get(id)?.name ?? id).join(', ')}</Text>
              <Text size="sm">
                {amountMinor !== undefined ? formatMoney(amountMinor, draft.currency, language) : '—'} ·{' '}
                {fundingSourceLabel(t, draft.fundingSource)} · {agreementTypeLabel(t, draft.type)}
              </Text>
              {allocationSentences.length > 0 && (
                <Alert color="yellow" variant="light" title={t('agreements.create.beforeSubmit')}>
                  <List size="sm">
                    {allocationSentences.map((problem) => (
                      <List.Item key={`${problem.field}-${problem.rule}`}>
                        {t(
                          `agreements.refusal.allocation.${problem.rule === 'sum_100' ? 'sum_100' : 'required'}.${problem.field.split('.')[1] as 'recipients'}`,
                        )}
                      </List.Item>
                    ))}
                  </List>
                </Alert>
              )}
            </Stack>
          </Paper>
        </Stepper.Completed>
      </Stepper>

      {showErrorAlert && error !== null && error !== undefined && (
        <ProblemAlert title={failedTitle} error={error} />
      )}

      <Group justify="space-between">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Group>
          {step > 0 && (
            <Button variant="default" onClick={() => setStep(step - 1)}>
              {t('agreements.create.back')}
            </Button>
          )}
          {step < 4 ? (
            <Button onClick={next}>{t('agreements.create.next')}</Button>
          ) : (
            <Button onClick={submit} loading={pending}>
              {submitLabel}
            </Button>
          )}
        </Group>
      </Group>
    </Stack>
  );
};

interface CreateAgreementFlowProps {
  /** The officer proposed as responsible (the signed-in officer). */
  defaultOfficerId?: string | undefined;
  onCreated: (agreement: Agreement) => void;
  onCancel: () => void;
}

/** The guided creation of an agreement (the flow above, sent as a new draft). */
export const CreateAgreementFlow = ({ defaultOfficerId, onCreated, onCancel }: CreateAgreementFlowProps) => {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<AgreementDraft>(() => emptyDraft(defaultOfficerId));
  const create = useCreateAgreement();
  return (
    <AgreementFlow
      draft={draft}
      onDraftChange={setDraft}
      submitLabel={t('agreements.create.submit')}
      pending={create.isPending}
      error={create.error}
      showErrorAlert={create.isError}
      failedTitle={t('agreements.create.failed')}
      onCancel={onCancel}
      onSubmit={(body, goToField) =>
        create.mutate(body, {
          onSuccess: (agreement) => {
            notifications.show({
              color: 'green',
              message: t('agreements.create.created', { reference: agreement.reference }),
            });
            onCreated(agreement);
          },
          onError: (error) => {
            const field = isApiError(error) ? error.fieldErrors[0]?.field : undefined;
            if (field) goToField(field);
          },
        })
      }
    />
  );
};
