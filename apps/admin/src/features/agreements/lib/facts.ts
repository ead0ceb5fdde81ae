import {
  actionsFrom,
  decideTransition,
  type Agreement,
  type AgreementAction,
  type FieldError,
  type LifecycleFacts,
  type TrancheSchedule,
} from '@pardev/contracts';
import { todayIsoDate } from '../../../lib/dates';

/** The facts the lifecycle rules look at, as the page knows them (the agreement and its tranches). */
export const lifecycleFacts = (
  agreement: Agreement,
  schedule: TrancheSchedule | undefined,
  today: string = todayIsoDate(),
): LifecycleFacts => {
  const live = (schedule?.items ?? []).filter((tranche) => tranche.status !== 'CANCELLED');
  return {
    status: agreement.status,
    totalMinor: agreement.totalMinor,
    startOn: agreement.startOn,
    endOn: agreement.endOn,
    signedOn: agreement.signedOn,
    responsibleOfficerId: agreement.responsibleOfficerId,
    allocations: agreement.allocations,
    blockedPartners: agreement.partners
      .filter((partner) => partner.blockedForNewAgreements)
      .map((partner) => partner.name),
    scheduledMinor: live.reduce((sum, tranche) => sum + tranche.amountMinor, 0),
    outstandingTranches: live.filter((tranche) => tranche.status !== 'RECEIVED').length,
    today,
  };
};

// What a dialog asks for is not a reason to keep the button disabled: the reason, and the date
// of signature (the dialog proposes today; a future date is refused there).
const askedInDialog = new Set(['reason_required', 'signature_date_required']);

export interface ActionOption {
  action: AgreementAction;
  /** Why it cannot be taken now; empty: it can. */
  refusals: FieldError[];
}

/** The actions from this status, each with what stops it before anyone clicks. */
export const actionOptions = (facts: LifecycleFacts): ActionOption[] =>
  actionsFrom(facts.status).map((action) => {
    const decision = decideTransition(facts, {
      action,
      reason: 'x',
      signedOn: facts.signedOn ?? facts.today,
    });
    return {
      action,
      refusals: decision.ok ? [] : decision.refusals.filter((refusal) => !askedInDialog.has(refusal.rule)),
    };
  });
