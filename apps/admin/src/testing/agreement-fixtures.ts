import {
  AgreementListItemSchema,
  AgreementSchema,
  TrancheScheduleSchema,
  type Agreement,
  type AgreementListItem,
  type Tranche,
  type TrancheSchedule,
} from '@pardev/contracts';
import { staff } from './test-utils';

export const agreementId = '0190f3a2-7c4e-7b1a-9c2d-3e4f5a6b7d01';
export const sidaId = '0190f3a2-7c4e-7b1a-9c2d-3e4f5a6b7c8d';

/** An agreement as the API answers it, parsed with its contract. */
export const agreementFixture = (overrides: Partial<Agreement> = {}): Agreement =>
  AgreementSchema.parse({
    id: agreementId,
    reference: 'XBDC-2026-0042',
    title: 'Decent work in Kenyan agriculture',
    partners: [
      {
        id: sidaId,
        name: 'Swedish International Development Cooperation Agency',
        acronym: 'SIDA',
        blockedForNewAgreements: false,
      },
    ],
    type: 'PROJECT_AGREEMENT',
    fundingSource: 'XBDC',
    earmarkingCategory: '3',
    aidType: null,
    flowType: null,
    financeType: null,
    currency: 'EUR',
    totalMinor: 100_000_000,
    totalUsd: { minor: 108_577_633, ratePerUsd: '0.921', rateMonth: '2026-01' },
    pscRatePercent: 13,
    signedOn: null,
    startOn: '2026-01-01',
    endOn: '2027-12-31',
    description: null,
    status: 'DRAFT',
    statusReason: null,
    responsibleOfficerId: staff.olga.id,
    delegateIds: [],
    allocations: {
      recipients: [{ kind: 'COUNTRY', code: 'KE', percent: 100 }],
      sectors: [{ vocabulary: '1', code: '16020', percent: 100 }],
      pbOutcomes: ['3'],
      sdgGoals: ['8'],
      sdgTargets: [],
      policyMarkers: [],
      dcStrategyArea: null,
    },
    receivedMinor: 0,
    receivedUsdMinor: 0,
    overdueTranches: 0,
    version: 3,
    createdAt: '2026-01-10T09:00:00.000Z',
    updatedAt: '2026-01-10T09:00:00.000Z',
    ...overrides,
  });

export const listItemFixture = (
  index: number,
  overrides: Partial<AgreementListItem> = {},
): AgreementListItem =>
  AgreementListItemSchema.parse({
    ...agreementFixture(),
    id: `0190f3a2-7c4e-7b1a-9c2d-${String(index).padStart(12, '0')}`,
    reference: `XBDC-2026-${String(index).padStart(4, '0')}`,
    ...overrides,
  });

export const trancheFixture = (sequence: number, overrides: Partial<Tranche> = {}): Tranche => ({
  id: `0190f3a2-7c4e-7b1a-9c2d-3e4f5a6b7e0${sequence}`,
  agreementId,
  sequence,
  plannedOn: `2026-0${sequence}-15`,
  amountMinor: 50_000_000,
  conditions: null,
  status: 'PLANNED',
  invoicedOn: null,
  invoiceReference: null,
  receivedOn: null,
  receivedMinor: null,
  receivedUsd: null,
  cancelReason: null,
  ...overrides,
});

export const scheduleFixture = (
  items: Tranche[],
  overrides: Partial<TrancheSchedule> = {},
): TrancheSchedule =>
  TrancheScheduleSchema.parse({
    agreementId,
    currency: 'EUR',
    totalMinor: 100_000_000,
    plannedMinor: items.filter((i) => i.status !== 'CANCELLED').reduce((sum, i) => sum + i.amountMinor, 0),
    receivedMinor: items.reduce((sum, i) => sum + (i.receivedMinor ?? 0), 0),
    receivedUsdMinor: items.reduce((sum, i) => sum + (i.receivedUsd?.minor ?? 0), 0),
    items,
    ...overrides,
  });
