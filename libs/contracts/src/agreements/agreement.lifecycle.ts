import type { FieldError } from '../common/problem';
import {
  allocationProblems,
  type AgreementAction,
  type AgreementStatus,
  type Allocations,
} from './agreement.contracts';

/*
 * The lifecycle of a funding agreement, as pure functions (agreements-service decides with them; the
 * admin shows the same reasons before anyone clicks):
 *
 *   DRAFT → IN_REVIEW → PENDING_SIGNATURE → SIGNED → ACTIVE → ENDED → CLOSED
 *   IN_REVIEW → DRAFT (sent back); ACTIVE ⇄ SUSPENDED
 *   SIGNED, ACTIVE, SUSPENDED → TERMINATED; DRAFT, IN_REVIEW, PENDING_SIGNATURE → CANCELLED
 *
 * Every refusal names its rule, so a person (and a test) knows exactly what to fix.
 */

export const Transitions: Readonly<
  Record<AgreementAction, { from: readonly AgreementStatus[]; to: AgreementStatus }>
> = {
  submit: { from: ['DRAFT'], to: 'IN_REVIEW' },
  return: { from: ['IN_REVIEW'], to: 'DRAFT' },
  approve: { from: ['IN_REVIEW'], to: 'PENDING_SIGNATURE' },
  sign: { from: ['PENDING_SIGNATURE'], to: 'SIGNED' },
  activate: { from: ['SIGNED'], to: 'ACTIVE' },
  end: { from: ['ACTIVE'], to: 'ENDED' },
  close: { from: ['ENDED'], to: 'CLOSED' },
  suspend: { from: ['ACTIVE'], to: 'SUSPENDED' },
  resume: { from: ['SUSPENDED'], to: 'ACTIVE' },
  terminate: { from: ['SIGNED', 'ACTIVE', 'SUSPENDED'], to: 'TERMINATED' },
  cancel: { from: ['DRAFT', 'IN_REVIEW', 'PENDING_SIGNATURE'], to: 'CANCELLED' },
};

/** Statuses before signature: the terms are still being agreed (and blocked partners are kept out). */
export const UnsignedStatuses: readonly AgreementStatus[] = ['DRAFT', 'IN_REVIEW', 'PENDING_SIGNATURE'];
/** Statuses after which nothing changes any more. */
export const FinalStatuses: readonly AgreementStatus[] = ['CLOSED', 'TERMINATED', 'CANCELLED'];

const needsReason: readonly AgreementAction[] = ['return', 'suspend', 'terminate', 'cancel'];

/** What the rules look at: the agreement as it is, and what surrounds it today. */
export interface LifecycleFacts {
  readonly status: AgreementStatus;
  readonly totalMinor: number;
  readonly startOn: string | null;
  readonly endOn: string | null;
  readonly signedOn: string | null;
  readonly responsibleOfficerId: string | null;
  readonly allocations: Allocations;
  /** Names of the agreement's partners that are blocked for new agreements. */
  readonly blockedPartners: readonly string[];
  /** Sum of the tranches not cancelled, in the agreement's currency. */
  readonly scheduledMinor: number;
  /** Tranches neither received nor cancelled. */
  readonly outstandingTranches: number;
  /** ISO date, in the service's calendar. */
  readonly today: string;
}

export interface TransitionInput {
  readonly action: AgreementAction;
  readonly reason?: string | null;
  readonly signedOn?: string | null;
}

export type TransitionDecision =
  | { readonly ok: true; readonly to: AgreementStatus; readonly signedOn: string | null }
  | { readonly ok: false; readonly refusals: FieldError[] };

const refusal = (field: string, rule: string, message: string): FieldError => ({ field, rule, message });

/** The terms every step towards signature needs. */
const completeTerms = (facts: LifecycleFacts): FieldError[] => {
  const problems: FieldError[] = [];
  if (facts.totalMinor <= 0)
    problems.push(refusal('totalMinor', 'amount_required', 'the total amount must be more than 0'));
  if (!facts.startOn || !facts.endOn) {
    problems.push(
      refusal(facts.startOn ? 'endOn' : 'startOn', 'dates_required', 'start and end dates are required'),
    );
  } else if (facts.endOn <= facts.startOn) {
    problems.push(refusal('endOn', 'date_order', 'the end date must be after the start date'));
  }
  if (!facts.responsibleOfficerId) {
    problems.push(refusal('responsibleOfficerId', 'officer_required', 'a responsible officer is required'));
  }
  problems.push(...allocationProblems(facts.allocations));
  return problems;
};

const noBlockedPartner = (facts: LifecycleFacts): FieldError[] =>
  facts.blockedPartners.length === 0
    ? []
    : [
        refusal(
          'partnerIds',
          'partner_blocked',
          `${facts.blockedPartners.join(', ')} ${facts.blockedPartners.length === 1 ? 'is' : 'are'} blocked for new agreements (a red flag or an expired mandatory check)`,
        ),
      ];

const guards: Readonly<
  Record<AgreementAction, (facts: LifecycleFacts, input: TransitionInput) => FieldError[]>
> = {
  submit: (facts) => completeTerms(facts),
  return: () => [],
  approve: (facts) => [...completeTerms(facts), ...noBlockedPartner(facts)],
  sign: (facts, input) => {
    const problems = [...completeTerms(facts), ...noBlockedPartner(facts)];
    const signedOn = input.signedOn ?? facts.signedOn;
    if (!signedOn)
      problems.push(refusal('signedOn', 'signature_date_required', 'the date of signature is required'));
    else if (signedOn > facts.today)
      problems.push(
        refusal('signedOn', 'signature_date_future', 'the date of signature cannot be in the future'),
      );
    if (facts.scheduledMinor !== facts.totalMinor) {
      problems.push(
        refusal(
          'tranches',
          'schedule_matches_total',
          'the contribution schedule (tranches not cancelled) must add up to the total amount',
        ),
      );
    }
    return problems;
  },
  activate: (facts) =>
    facts.startOn && facts.startOn <= facts.today
      ? []
      : [
          refusal(
            'startOn',
            'not_started',
            `the agreement starts on ${facts.startOn ?? '(no date)'}; it can be activated from then`,
          ),
        ],
  end: (facts) =>
    facts.endOn && facts.endOn <= facts.today
      ? []
      : [
          refusal(
            'endOn',
            'not_ended',
            `the agreement runs until ${facts.endOn ?? '(no date)'}; terminate it to stop earlier`,
          ),
        ],
  close: (facts) =>
    facts.outstandingTranches === 0
      ? []
      : [
          refusal(
            'tranches',
            'tranches_outstanding',
            `${facts.outstandingTranches} tranche(s) are neither received nor cancelled`,
          ),
        ],
  suspend: () => [],
  resume: () => [],
  terminate: () => [],
  cancel: () => [],
};

/** Whether `input.action` may happen now and, if not, every rule it breaks. */
export const decideTransition = (facts: LifecycleFacts, input: TransitionInput): TransitionDecision => {
  const transition = Transitions[input.action];
  if (!transition.from.includes(facts.status)) {
    return {
      ok: false,
      refusals: [
        refusal(
          'action',
          'not_from_status',
          `cannot ${input.action} an agreement that is ${facts.status} (only from ${transition.from.join(' or ')})`,
        ),
      ],
    };
  }
  const refusals = guards[input.action](facts, input);
  if (needsReason.includes(input.action) && !input.reason?.trim()) {
    refusals.push(refusal('reason', 'reason_required', `a reason is required to ${input.action}`));
  }
  if (refusals.length > 0) return { ok: false, refusals };
  return {
    ok: true,
    to: transition.to,
    signedOn: input.action === 'sign' ? (input.signedOn ?? facts.signedOn) : facts.signedOn,
  };
};

/** The actions that start from this status (whether their rules hold or not). */
export const actionsFrom = (status: AgreementStatus): AgreementAction[] =>
  (Object.keys(Transitions) as AgreementAction[]).filter((action) =>
    Transitions[action].from.includes(status),
  );
