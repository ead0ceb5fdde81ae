import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AddTrancheRequestSchema,
  CreateAgreementRequestSchema,
  ReportingObligationInputSchema,
  SetCurrencyRatesRequestSchema,
  allocationProblems,
  decideTransition,
  reportingCalendar,
  type AgreementStatus,
} from '@pardev/contracts';
import { describe, expect, it } from 'vitest';
import { StepsTo, demoAgreements, demoRates, monthsBetween } from './demo-agreements';

// The partners partners-service seeds (read by path: apps do not import each other).
const partnerNames = new Set(
  (
    JSON.parse(
      readFileSync(join(__dirname, '../../../partners-service/src/seed/demo-partners.json'), 'utf8'),
    ) as { name: string }[]
  ).map((p) => p.name),
);

const today = new Date().toISOString().slice(0, 10);
// Today, and days whose months are awkward (month ends, a leap day, the turn of a year).
const days = [today, '2026-11-27', '2027-01-31', '2028-02-29', '2026-12-31', '2030-06-15'];
const fakeId = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
const addDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe.each(days)('demo agreements dated from %s', (day) => {
  const demo = demoAgreements(day);

  it('are a dozen or so, across the lifecycle and the funding sources', () => {
    expect(demo.length).toBeGreaterThanOrEqual(10);
    expect(demo.length).toBeLessThanOrEqual(15);
    expect(new Set(demo.map((a) => a.status))).toEqual(
      new Set(['DRAFT', 'IN_REVIEW', 'PENDING_SIGNATURE', 'SIGNED', 'ACTIVE', 'ENDED']),
    );
    expect(demo.filter((a) => a.status === 'ACTIVE').length).toBeGreaterThanOrEqual(4);
    expect(new Set(demo.map((a) => a.terms.fundingSource))).toEqual(new Set(['XBDC', 'RBSA']));
    expect(new Set(demo.map((a) => a.terms.title)).size).toBe(demo.length);
  });

  it('name partners that partners-service seeds, by their exact names', () => {
    const unknown = demo.flatMap((a) => a.partners.filter((name) => !partnerNames.has(name)));
    expect(unknown).toEqual([]);
  });

  it('pass the contract: create requests, tranches and reporting obligations', () => {
    for (const [i, a] of demo.entries()) {
      const terms = CreateAgreementRequestSchema.parse({
        ...a.terms,
        partnerIds: a.partners.map((_, j) => fakeId(i * 10 + j)),
        responsibleOfficerId: fakeId(999),
      });
      // Complete terms: every agreement can go to review.
      expect(allocationProblems(terms.allocations), a.terms.title).toEqual([]);
      for (const t of a.tranches) {
        AddTrancheRequestSchema.parse({ agreementId: fakeId(1), ...t });
      }
      for (const o of a.obligations) ReportingObligationInputSchema.parse(o);
    }
  });

  it('walk to their status by the lifecycle rules: signed in the past, schedule matching the total, money in the past', () => {
    for (const a of demo) {
      const scheduled = a.tranches.reduce((sum, t) => sum + t.amountMinor, 0);
      const steps = StepsTo[a.status];
      let status: AgreementStatus = 'DRAFT';
      let signedOn: string | null = null;
      for (const action of steps) {
        const decision = decideTransition(
          {
            status,
            totalMinor: a.terms.totalMinor,
            startOn: a.terms.startOn ?? null,
            endOn: a.terms.endOn ?? null,
            signedOn,
            responsibleOfficerId: fakeId(999),
            allocations: CreateAgreementRequestSchema.parse({ ...a.terms, partnerIds: [fakeId(1)] })
              .allocations,
            blockedPartners: [],
            scheduledMinor: scheduled,
            outstandingTranches: a.tranches.filter((t) => !t.receivedOn).length,
            today: day,
          },
          { action, signedOn: action === 'sign' ? a.signedOn : null },
        );
        expect(decision, `${a.terms.title}: ${action}`).toMatchObject({ ok: true });
        if (decision.ok) [status, signedOn] = [decision.to, decision.signedOn];
      }
      expect(status).toBe(a.status);
      if (steps.includes('sign')) expect(a.signedOn! <= a.terms.startOn!).toBe(true);
      for (const t of a.tranches) {
        if (t.receivedOn) expect(t.receivedOn <= day, a.terms.title).toBe(true);
        if (t.invoicedOn) expect(t.invoicedOn <= day, a.terms.title).toBe(true);
      }
      // Reports are promised on signed agreements.
      expect(a.obligations.length > 0, a.terms.title).toBe(steps.includes('sign'));
      if (a.tranches.some((t) => t.receivedOn)) expect(steps).toContain('sign');
    }
  });

  it('have exactly one tranche overdue (past its date, not received)', () => {
    const overdue = demo.flatMap((a) => a.tranches.filter((t) => t.plannedOn < day && !t.receivedOn));
    expect(overdue).toHaveLength(1);
  });

  it('give a reporting calendar with reports overdue, due within 30 days and upcoming', () => {
    const soon = addDays(day, 30);
    const dues = demo
      .filter((a) => StepsTo[a.status].includes('sign'))
      .flatMap((a) =>
        reportingCalendar(
          a.obligations.map((o, i) => ({ ...ReportingObligationInputSchema.parse(o), id: fakeId(i) })),
          a.terms.startOn!,
          a.terms.endOn!,
        ).map((entry) => entry.dueOn),
      );
    expect(dues.filter((d) => d < day).length).toBeGreaterThanOrEqual(2);
    expect(dues.filter((d) => d >= day && d <= soon).length).toBeGreaterThanOrEqual(2);
    expect(dues.filter((d) => d > soon).length).toBeGreaterThanOrEqual(5);
  });

  it('end the day before an anniversary of the start, or short of it (no reporting period of a few days)', () => {
    for (const a of demo.filter((x) => x.obligations.length > 0)) {
      const entries = reportingCalendar(
        a.obligations.map((o, i) => ({ ...ReportingObligationInputSchema.parse(o), id: fakeId(i) })),
        a.terms.startOn!,
        a.terms.endOn!,
      );
      const short = entries.filter(
        (e) => e.periodStart && e.periodEnd && e.periodEnd < addDays(e.periodStart, 27),
      );
      expect(short, a.terms.title).toEqual([]);
    }
  });

  it('come with illustrative rates for every currency and month the money is valued at', () => {
    const rates = SetCurrencyRatesRequestSchema.parse({ rates: demoRates(day) }).rates;
    const known = new Set(rates.map((r) => `${r.currency}:${r.month}`));
    expect(rates[0]!.month <= '2024-01').toBe(true);
    expect(rates.some((r) => r.month === day.slice(0, 7))).toBe(true);
    expect(rates.every((r) => r.month <= day.slice(0, 7))).toBe(true);
    for (const a of demo.filter((x) => x.terms.currency !== 'USD')) {
      const valuedAt = (a.signedOn ?? a.terms.startOn!).slice(0, 7);
      // Unsigned agreements starting in a month to come wait for its rate, as they would for real.
      if (valuedAt <= day.slice(0, 7))
        expect(known.has(`${a.terms.currency}:${valuedAt}`), a.terms.title).toBe(true);
      for (const t of a.tranches.filter((x) => x.receivedOn)) {
        expect(known.has(`${a.terms.currency}:${t.receivedOn!.slice(0, 7)}`), a.terms.title).toBe(true);
      }
    }
  });
});

describe('monthsBetween', () => {
  it('counts months across a year end, both ends included', () => {
    expect(monthsBetween('2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(monthsBetween('2025-02', '2025-01')).toEqual([]);
  });
});
