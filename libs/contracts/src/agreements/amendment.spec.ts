import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyAllocations } from './agreement.contracts';
import {
  amendmentTypeProblems,
  diffTerms,
  type AgreementTerms,
  type AmendmentType,
} from './amendment.contracts';

const terms: AgreementTerms = {
  title: 'Decent jobs for youth',
  description: null,
  totalMinor: 1_000_000_00,
  pscRatePercent: 13,
  startOn: '2026-01-01',
  endOn: '2027-12-31',
  allocations: {
    ...emptyAllocations(),
    recipients: [{ kind: 'COUNTRY', code: 'KE', percent: 100 }],
    pbOutcomes: ['3'],
  },
};
const rules = (type: AmendmentType, changes: Parameters<typeof amendmentTypeProblems>[2]) =>
  amendmentTypeProblems(type, terms, changes).map((p) => p.rule);

describe('amendments', () => {
  it.each([
    ['BUDGET_UP_TO_20', { totalMinor: 1_200_000_00 }, []],
    ['BUDGET_UP_TO_20', { totalMinor: 800_000_00 }, []],
    ['BUDGET_UP_TO_20', { totalMinor: 1_200_000_01 }, ['budget_up_to_20']],
    ['BUDGET_UP_TO_20', { title: 'same money' }, ['budget_up_to_20']],
    ['BUDGET_OVER_20', { totalMinor: 1_200_000_01 }, []],
    ['BUDGET_OVER_20', { totalMinor: 1_100_000_00 }, ['budget_over_20']],
    ['NO_COST_EXTENSION', { endOn: '2028-06-30' }, []],
    ['NO_COST_EXTENSION', { endOn: '2027-06-30' }, ['extends']],
    ['NO_COST_EXTENSION', { endOn: '2028-06-30', totalMinor: 1_000_000_01 }, ['no_cost']],
    ['ADMINISTRATIVE_CORRECTION', { title: 'Decent jobs for young people' }, []],
    ['ADMINISTRATIVE_CORRECTION', { totalMinor: 999_999_99 }, ['administrative_only']],
    ['OTHER', { startOn: '2028-01-01' }, ['date_order']],
  ] as const)('%s with %j: %j', (type, changes, expected) => {
    expect(rules(type, changes)).toEqual(expected);
  });

  it('tells budget amendments apart exactly at 20 % of the total, whatever the total', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 ** 12 }),
        fc.integer({ min: 1, max: 10 ** 12 }),
        (total, moved) => {
          const current = { ...terms, totalMinor: total };
          const up =
            amendmentTypeProblems('BUDGET_UP_TO_20', current, { totalMinor: total + moved }).length === 0;
          const over =
            amendmentTypeProblems('BUDGET_OVER_20', current, { totalMinor: total + moved }).length === 0;
          expect(up).toBe(moved * 5 <= total);
          expect(up).not.toBe(over);
        },
      ),
    );
  });

  it('diffs two versions field by field, allocations list by list', () => {
    const after: AgreementTerms = {
      ...terms,
      endOn: '2028-06-30',
      allocations: {
        ...terms.allocations,
        recipients: [
          { kind: 'COUNTRY', code: 'KE', percent: 50 },
          { kind: 'COUNTRY', code: 'UG', percent: 50 },
        ],
      },
    };
    expect(diffTerms(terms, after)).toEqual([
      { field: 'endOn', before: '2027-12-31', after: '2028-06-30' },
      {
        field: 'allocations.recipients',
        before: terms.allocations.recipients,
        after: after.allocations.recipients,
      },
    ]);
    expect(diffTerms(after, after)).toEqual([]);
  });
});
