import {
  CreateAgreementRequestSchema,
  emptyAllocations,
  type Agreement,
  type Allocations,
  type PartnerOption,
} from '@pardev/contracts';
import type { z } from 'zod';
import { describeZodIssue, type ValidationDescriptor } from '../../../lib/form-validation';
import { amountInputValue, parseAmount } from './money';

// The terms of an agreement as typed in its guided flow (to draft one, or edit it before signature).

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

export type AgreementRequestBody = z.output<typeof CreateAgreementRequestSchema>;

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

/** The step of a field (its top-level name decides), or -1. */
export const stepOf = (field: string): number =>
  StepFields.findIndex((fields) => (fields as readonly string[]).includes(field.split('.')[0] ?? ''));

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

/** The translation key of an allocation list's problem (`field` is `allocations.<list>`). */
export const allocationProblemKey = (problem: { field: string; rule: string }) =>
  `agreements.refusal.allocation.${problem.rule === 'sum_100' ? 'sum_100' : 'required'}.${problem.field.split('.')[1] as 'recipients' | 'sectors' | 'pbOutcomes'}` as const;
