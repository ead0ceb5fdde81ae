import { describe, expect, it } from 'vitest';
import {
  AgreementActions,
  AgreementStatuses,
  type AgreementAction,
  type AgreementStatus,
} from './agreement.contracts';
import { Transitions, actionsFrom, decideTransition, type LifecycleFacts } from './agreement.lifecycle';

const complete: LifecycleFacts = {
  status: 'DRAFT',
  totalMinor: 100_000_00,
  startOn: '2026-01-01',
  endOn: '2027-12-31',
  signedOn: '2025-12-15',
  responsibleOfficerId: '0190a0a0-0000-7000-8000-000000000001',
  allocations: {
    recipients: [
      { kind: 'COUNTRY', code: 'KE', percent: 60 },
      { kind: 'COUNTRY', code: 'TZ', percent: 40 },
    ],
    sectors: [{ vocabulary: '1', code: '16020', percent: 100 }],
    pbOutcomes: ['3'],
    sdgGoals: ['8'],
    sdgTargets: ['8.5'],
    policyMarkers: [{ code: '1', significance: '1' }],
    dcStrategyArea: '3',
  },
  blockedPartners: [],
  scheduledMinor: 100_000_00,
  outstandingTranches: 0,
  today: '2026-06-30',
};

// Every (status, action) pair: where it leads when the rules hold, or that it cannot start there.
const expected: Record<AgreementStatus, Partial<Record<AgreementAction, AgreementStatus>>> = {
  DRAFT: { submit: 'IN_REVIEW', cancel: 'CANCELLED' },
  IN_REVIEW: { return: 'DRAFT', approve: 'PENDING_SIGNATURE', cancel: 'CANCELLED' },
  PENDING_SIGNATURE: { sign: 'SIGNED', cancel: 'CANCELLED' },
  SIGNED: { activate: 'ACTIVE', terminate: 'TERMINATED' },
  ACTIVE: { suspend: 'SUSPENDED', terminate: 'TERMINATED', end: 'ENDED' },
  ENDED: { close: 'CLOSED' },
  CLOSED: {},
  SUSPENDED: { resume: 'ACTIVE', terminate: 'TERMINATED' },
  TERMINATED: {},
  CANCELLED: {},
};

const cases = AgreementStatuses.flatMap((status) =>
  AgreementActions.map((action) => [status, action] as const),
);

describe('agreement lifecycle', () => {
  it.each(cases)('from %s, %s', (status, action) => {
    // Facts under which every rule of the step holds (an ended agreement is past its end date).
    const facts = { ...complete, status, today: action === 'end' ? '2028-01-01' : complete.today };
    const decision = decideTransition(facts, { action, reason: 'agreed with the partner' });
    const to = expected[status][action];
    if (to) {
      expect(decision).toEqual({ ok: true, to, signedOn: facts.signedOn });
    } else {
      expect(decision).toEqual({
        ok: false,
        refusals: [expect.objectContaining({ field: 'action', rule: 'not_from_status' })],
      });
    }
  });

  it('offers from each status exactly the actions of the table', () => {
    for (const status of AgreementStatuses) {
      expect(actionsFrom(status).sort()).toEqual(Object.keys(expected[status]).sort());
    }
    expect(Object.keys(Transitions).sort()).toEqual([...AgreementActions].sort());
  });

  const refusedBy = (
    facts: Partial<LifecycleFacts>,
    action: AgreementAction,
    input: { reason?: string; signedOn?: string | null } = {},
  ) => {
    const decision = decideTransition({ ...complete, ...facts }, { action, ...input });
    return decision.ok ? [] : decision.refusals.map((r) => r.rule);
  };

  it.each([
    ['submit', { status: 'DRAFT', startOn: null }, ['dates_required']],
    ['submit', { status: 'DRAFT', endOn: '2025-12-31' }, ['date_order']],
    ['submit', { status: 'DRAFT', totalMinor: 0, scheduledMinor: 0 }, ['amount_required']],
    ['submit', { status: 'DRAFT', responsibleOfficerId: null }, ['officer_required']],
    [
      'submit',
      {
        status: 'DRAFT',
        allocations: { ...complete.allocations, recipients: [{ kind: 'COUNTRY', code: 'KE', percent: 60 }] },
      },
      ['sum_100'],
    ],
    ['submit', { status: 'DRAFT', allocations: { ...complete.allocations, sectors: [] } }, ['required']],
    ['submit', { status: 'DRAFT', allocations: { ...complete.allocations, pbOutcomes: [] } }, ['required']],
    ['approve', { status: 'IN_REVIEW', blockedPartners: ['Acme Ltd'] }, ['partner_blocked']],
    ['sign', { status: 'PENDING_SIGNATURE', blockedPartners: ['Acme Ltd'] }, ['partner_blocked']],
    ['sign', { status: 'PENDING_SIGNATURE', signedOn: null }, ['signature_date_required']],
    ['sign', { status: 'PENDING_SIGNATURE', signedOn: '2026-07-01' }, ['signature_date_future']],
    ['sign', { status: 'PENDING_SIGNATURE', scheduledMinor: 50_000_00 }, ['schedule_matches_total']],
    ['activate', { status: 'SIGNED', startOn: '2026-07-01', endOn: '2027-12-31' }, ['not_started']],
    ['end', { status: 'ACTIVE' }, ['not_ended']],
    ['close', { status: 'ENDED', outstandingTranches: 2 }, ['tranches_outstanding']],
  ] as const)('refuses to %s when %j, naming %j', (action, facts, rules) => {
    expect(refusedBy(facts as Partial<LifecycleFacts>, action, { reason: 'because' })).toEqual(rules);
  });

  it.each(['return', 'suspend', 'terminate', 'cancel'] as const)('requires a reason to %s', (action) => {
    const from = Transitions[action].from[0]!;
    expect(refusedBy({ status: from }, action, { reason: '  ' })).toEqual(['reason_required']);
  });

  it('lists every broken rule at once, and takes the date of signature given with the step', () => {
    expect(
      refusedBy(
        { status: 'PENDING_SIGNATURE', signedOn: null, blockedPartners: ['X'], startOn: null },
        'sign',
      ),
    ).toEqual(['dates_required', 'partner_blocked', 'signature_date_required']);
    expect(
      decideTransition(
        { ...complete, status: 'PENDING_SIGNATURE', signedOn: null },
        { action: 'sign', signedOn: '2026-06-30' },
      ),
    ).toEqual({ ok: true, to: 'SIGNED', signedOn: '2026-06-30' });
  });
});
