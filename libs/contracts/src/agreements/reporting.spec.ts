import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, reportingCalendar, type ReportingObligation } from './reporting.contracts';

const obligation = (overrides: Partial<ReportingObligation>): ReportingObligation => ({
  id: '0190a0a0-0000-7000-8000-0000000000b1',
  type: 'NARRATIVE_PROGRESS',
  frequency: 'ANNUAL',
  daysAfterPeriodEnd: 60,
  customDates: [],
  notes: null,
  ...overrides,
});

const date = fc
  .date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('the reporting calendar', () => {
  it('adds months as a calendar does, keeping the end of the month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-03-15', 12)).toBe('2027-03-15');
  });

  it('makes annual periods from the start, the last one cut at the end, each due N days after', () => {
    expect(reportingCalendar([obligation({})], '2026-03-01', '2028-08-31')).toEqual([
      {
        obligationId: expect.any(String),
        type: 'NARRATIVE_PROGRESS',
        periodStart: '2026-03-01',
        periodEnd: '2027-02-28',
        dueOn: '2027-04-29',
      },
      {
        obligationId: expect.any(String),
        type: 'NARRATIVE_PROGRESS',
        periodStart: '2027-03-01',
        periodEnd: '2028-02-29',
        dueOn: '2028-04-29',
      },
      {
        obligationId: expect.any(String),
        type: 'NARRATIVE_PROGRESS',
        periodStart: '2028-03-01',
        periodEnd: '2028-08-31',
        dueOn: '2028-10-30',
      },
    ]);
  });

  it('has one final report after the end, and custom dates as given (sorted, once each)', () => {
    const calendar = reportingCalendar(
      [
        obligation({ type: 'FINAL_NARRATIVE', frequency: 'FINAL', daysAfterPeriodEnd: 90 }),
        obligation({
          type: 'SPECIAL',
          frequency: 'CUSTOM',
          customDates: ['2027-06-30', '2026-12-31', '2027-06-30'],
        }),
      ],
      '2026-01-01',
      '2027-12-31',
    );
    expect(calendar.map((e) => `${e.type} ${e.dueOn}`)).toEqual([
      'SPECIAL 2026-12-31',
      'SPECIAL 2027-06-30',
      'FINAL_NARRATIVE 2028-03-30',
    ]);
  });

  it('covers the whole agreement with contiguous periods, whatever the dates and frequency', () => {
    fc.assert(
      fc.property(
        date,
        fc.integer({ min: 1, max: 3_000 }),
        fc.constantFrom('ANNUAL', 'SEMI_ANNUAL', 'QUARTERLY') as fc.Arbitrary<'ANNUAL'>,
        fc.integer({ min: 0, max: 365 }),
        (start, days, frequency, after) => {
          const end = new Date(Date.parse(`${start}T00:00:00Z`) + days * 86_400_000)
            .toISOString()
            .slice(0, 10);
          const entries = reportingCalendar(
            [obligation({ frequency, daysAfterPeriodEnd: after })],
            start,
            end,
          );
          expect(entries[0]!.periodStart).toBe(start);
          expect(entries.at(-1)!.periodEnd).toBe(end);
          for (let i = 1; i < entries.length; i++) {
            const previousEnd = Date.parse(`${entries[i - 1]!.periodEnd}T00:00:00Z`);
            expect(Date.parse(`${entries[i]!.periodStart}T00:00:00Z`) - previousEnd).toBe(86_400_000);
          }
          for (const entry of entries) {
            expect(entry.periodStart! <= entry.periodEnd!).toBe(true);
            expect(Date.parse(`${entry.dueOn}T00:00:00Z`) - Date.parse(`${entry.periodEnd}T00:00:00Z`)).toBe(
              after * 86_400_000,
            );
          }
          const months = { ANNUAL: 12, SEMI_ANNUAL: 6, QUARTERLY: 3 }[frequency];
          expect(entries.length).toBeLessThanOrEqual(Math.ceil((days + 1) / (months * 28)) + 1);
        },
      ),
    );
  });
});
