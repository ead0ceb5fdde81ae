import {
  AgreementStatuses,
  type AgreementAction,
  type AgreementStatus,
  type FieldError,
  type Tranche,
} from '@pardev/contracts';
import { AgreementTypes, FundingSources } from '@pardev/reference-data';
import type { MantineColor } from '@mantine/core';
import type { TFunction } from 'i18next';

export const statusColors: Readonly<Record<AgreementStatus, MantineColor>> = {
  DRAFT: 'gray',
  IN_REVIEW: 'yellow',
  PENDING_SIGNATURE: 'orange',
  SIGNED: 'teal',
  ACTIVE: 'green',
  ENDED: 'blue',
  CLOSED: 'dark',
  SUSPENDED: 'grape',
  TERMINATED: 'red',
  CANCELLED: 'red',
};

export const isAgreementStatus = (value: unknown): value is AgreementStatus =>
  typeof value === 'string' && (AgreementStatuses as readonly string[]).includes(value);

export const trancheStatusColors: Readonly<Record<Tranche['status'], MantineColor>> = {
  PLANNED: 'gray',
  INVOICED: 'blue',
  RECEIVED: 'green',
  OVERDUE: 'red',
  CANCELLED: 'dark',
};

/** Actions that ask for a reason (send back, suspend, terminate, cancel). */
export const ReasonActions: readonly AgreementAction[] = ['return', 'suspend', 'terminate', 'cancel'];
/** Actions that cannot be undone or commit the ILO: asked to confirm. */
export const ConfirmActions: readonly AgreementAction[] = ['sign', 'terminate', 'cancel', 'close'];

export interface RefusalContext {
  /** Names of the agreement's partners blocked for new agreements. */
  blockedPartners: readonly string[];
  startOn: string | null;
  endOn: string | null;
  outstandingTranches: number;
  /** Formats an ISO date for the reader. */
  formatDate: (isoDate: string) => string;
  /** Joins names for the reader ("A, B and C"). */
  formatList: (items: readonly string[]) => string;
}

const allocationLists = ['recipients', 'sectors', 'pbOutcomes'] as const;

/**
 * A refusal of the lifecycle rules (the admin's own, or the server's 409 TRANSITION_REFUSED) as a
 * sentence in the reader's language, by its rule; the server's message for a rule not known here.
 */
export const refusalSentence = (t: TFunction, refusal: FieldError, context: RefusalContext): string => {
  const { rule, field, message } = refusal;
  switch (rule) {
    case 'not_from_status':
      return t('agreements.refusal.not_from_status');
    case 'amount_required':
      return t('agreements.refusal.amount_required');
    case 'dates_required':
      return t('agreements.refusal.dates_required');
    case 'date_order':
      return t('agreements.refusal.date_order');
    case 'officer_required':
      return t('agreements.refusal.officer_required');
    case 'partner_blocked': {
      const names = context.blockedPartners;
      return names.length > 0
        ? t('agreements.refusal.partner_blocked', {
            count: names.length,
            partners: context.formatList(names),
          })
        : t('agreements.refusal.partner_blocked_unnamed');
    }
    case 'signature_date_required':
      return t('agreements.refusal.signature_date_required');
    case 'signature_date_future':
      return t('agreements.refusal.signature_date_future');
    case 'schedule_matches_total':
      return t('agreements.refusal.schedule_matches_total');
    case 'not_started':
      return context.startOn
        ? t('agreements.refusal.not_started', { date: context.formatDate(context.startOn) })
        : t('agreements.refusal.dates_required');
    case 'not_ended':
      return context.endOn
        ? t('agreements.refusal.not_ended', { date: context.formatDate(context.endOn) })
        : t('agreements.refusal.dates_required');
    case 'tranches_outstanding': {
      const count = Number(/\d+/.exec(message)?.[0] ?? context.outstandingTranches);
      return t('agreements.refusal.tranches_outstanding', { count });
    }
    case 'reason_required':
      return t('agreements.refusal.reason_required');
    case 'required':
    case 'sum_100': {
      const list = allocationLists.find((name) => field === `allocations.${name}`);
      if (list) return t(`agreements.refusal.allocation.${rule}.${list}`);
      if (rule === 'required') return t('agreements.refusal.required');
      return message;
    }
    default:
      return message;
  }
};

const isOneOf =
  <T extends string>(codes: readonly T[]) =>
  (value: string): value is T =>
    (codes as readonly string[]).includes(value);
const isFundingSource = isOneOf(FundingSources);
const isAgreementType = isOneOf(AgreementTypes);

export const fundingSourceLabel = (t: TFunction, code: string): string =>
  isFundingSource(code) ? t(`agreements.fundingSource.${code}`) : code;

export const agreementTypeLabel = (t: TFunction, code: string): string =>
  isAgreementType(code) ? t(`agreements.type.${code}`) : code;
