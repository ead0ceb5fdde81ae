import { addMonths, type CreateAgreementRequest, type ReportingObligationInput } from '@pardev/contracts';

/*
 * Demo funding agreements for a fresh install (SEED_DEMO_DATA): real ILO programme themes and real
 * partner names (as in apps/partners-service/src/seed/demo-partners.json), illustrative figures.
 * Every date is worked out from the day of the seed, so that whenever a demo starts the reporting
 * calendar has reports overdue, due soon and upcoming, and one tranche is overdue.
 */

/** The statuses a demo agreement is walked to, through the real lifecycle. */
export type DemoStatus = 'DRAFT' | 'IN_REVIEW' | 'PENDING_SIGNATURE' | 'SIGNED' | 'ACTIVE' | 'ENDED';

/** The lifecycle steps that lead from a draft to each status. */
export const StepsTo: Readonly<
  Record<DemoStatus, readonly ('submit' | 'approve' | 'sign' | 'activate' | 'end')[]>
> = {
  DRAFT: [],
  IN_REVIEW: ['submit'],
  PENDING_SIGNATURE: ['submit', 'approve'],
  SIGNED: ['submit', 'approve', 'sign'],
  ACTIVE: ['submit', 'approve', 'sign', 'activate'],
  ENDED: ['submit', 'approve', 'sign', 'activate', 'end'],
};

export interface DemoTranche {
  readonly plannedOn: string;
  /** In minor units of the agreement's currency. */
  readonly amountMinor: number;
  readonly conditions?: string;
  /** Finance sent the invoice on this date. */
  readonly invoicedOn?: string;
  /** Finance recorded the money received (the full amount), valued at the UN rate of that month. */
  readonly receivedOn?: string;
}

export interface DemoAgreement {
  /** Exact names of demo partners (partners-service seeds them; they arrive here as events). */
  readonly partners: readonly string[];
  /** The create request, without the partner ids (known once the partners have arrived). */
  readonly terms: Omit<CreateAgreementRequest, 'partnerIds' | 'responsibleOfficerId'>;
  readonly status: DemoStatus;
  /** The date of signature, for SIGNED and after. */
  readonly signedOn?: string;
  readonly tranches: readonly DemoTranche[];
  readonly obligations: readonly ReportingObligationInput[];
}

const DAY = 86_400_000;

/** The date `days` from `today` (negative: before). */
const dayFrom = (today: string, days: number): string =>
  new Date(Date.parse(`${today}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

const progress = (
  frequency: 'ANNUAL' | 'SEMI_ANNUAL',
  daysAfterPeriodEnd: number,
  notes?: string,
): ReportingObligationInput => ({ type: 'NARRATIVE_PROGRESS', frequency, daysAfterPeriodEnd, notes });
const final = (daysAfterPeriodEnd: number): ReportingObligationInput => ({
  type: 'FINAL_NARRATIVE',
  frequency: 'FINAL',
  daysAfterPeriodEnd,
});
const financial = (
  frequency: 'ANNUAL' | 'FINAL',
  daysAfterPeriodEnd: number,
  type: 'FINANCIAL_STATEMENT' | 'CERTIFIED_FINANCIAL' = 'CERTIFIED_FINANCIAL',
): ReportingObligationInput => ({ type, frequency, daysAfterPeriodEnd });

/** Earmarked project funding, the bulk of the ILO's development cooperation. */
const project = {
  type: 'PROJECT_AGREEMENT',
  fundingSource: 'XBDC',
  earmarkingCategory: '3',
  aidType: 'C01',
  flowType: '10',
  financeType: '110',
  pscRatePercent: 13,
} as const;

/** Core voluntary funding (Regular Budget Supplementary Account): unearmarked. */
const rbsa = {
  type: 'RBSA_CONTRIBUTION',
  fundingSource: 'RBSA',
  earmarkingCategory: '1',
  aidType: 'B02',
  flowType: '10',
  financeType: '110',
  pscRatePercent: 0,
} as const;

/** The demo agreements, dated from `today` (YYYY-MM-DD). */
export const demoAgreements = (today: string): DemoAgreement[] => {
  const d = (days: number) => dayFrom(today, days);
  /** Starting `days` from today and running `months`, to the day before the anniversary (as agreed). */
  const span = (days: number, months: number) => ({
    startOn: d(days),
    endOn: dayFrom(addMonths(d(days), months), -1),
  });
  return [
    {
      partners: ['Norwegian Agency for Development Cooperation'],
      status: 'ACTIVE',
      signedOn: d(-455),
      terms: {
        ...project,
        title: 'Decent work for youth in the agricultural sector of Kenya',
        description:
          'Skills, productive employment and rights at work for young women and men in horticulture, dairy and agro-processing value chains.',
        currency: 'NOK',
        totalMinor: 48_000_000_00,
        startOn: d(-440),
        endOn: d(650),
        allocations: {
          recipients: [{ kind: 'COUNTRY', code: 'KE', percent: 100 }],
          sectors: [
            { vocabulary: '1', code: '16020', percent: 60 },
            { vocabulary: '1', code: '31120', percent: 40 },
          ],
          pbOutcomes: ['3', '5'],
          sdgGoals: ['8'],
          sdgTargets: ['8.5', '8.6'],
          policyMarkers: [{ code: '1', significance: '1' }],
          dcStrategyArea: '1',
        },
      },
      tranches: [
        { plannedOn: d(-430), amountMinor: 16_000_000_00, invoicedOn: d(-440), receivedOn: d(-418) },
        {
          plannedOn: d(-60),
          amountMinor: 16_000_000_00,
          conditions: 'On approval of the first annual progress report',
          invoicedOn: d(-75),
        },
        { plannedOn: d(300), amountMinor: 16_000_000_00 },
      ],
      obligations: [progress('ANNUAL', 90), financial('ANNUAL', 180), final(180)],
    },
    {
      partners: [
        'Luxembourg Ministry of Foreign and European Affairs – Directorate for Development Cooperation and Humanitarian Affairs',
      ],
      status: 'ACTIVE',
      signedOn: d(-745),
      terms: {
        ...project,
        title: 'Social protection floors in Senegal',
        description:
          'Extending social health protection and family benefits to workers in the informal economy.',
        currency: 'EUR',
        totalMinor: 3_200_000_00,
        ...span(-730, 36),
        allocations: {
          recipients: [{ kind: 'COUNTRY', code: 'SN', percent: 100 }],
          sectors: [{ vocabulary: '1', code: '16010', percent: 100 }],
          pbOutcomes: ['8'],
          sdgGoals: ['1', '8'],
          sdgTargets: ['1.3', '8.5'],
          policyMarkers: [
            { code: '1', significance: '1' },
            { code: '11', significance: '1' },
          ],
          dcStrategyArea: '2',
        },
      },
      tranches: [
        { plannedOn: d(-720), amountMinor: 1_200_000_00, invoicedOn: d(-730), receivedOn: d(-700) },
        { plannedOn: d(-355), amountMinor: 1_000_000_00, invoicedOn: d(-370), receivedOn: d(-340) },
        { plannedOn: d(10), amountMinor: 1_000_000_00 },
      ],
      obligations: [progress('ANNUAL', 90), final(120)],
    },
    {
      partners: ['Ministry of Foreign Affairs of the Netherlands', 'Global Affairs Canada'],
      status: 'ACTIVE',
      signedOn: d(-225),
      terms: {
        ...project,
        type: 'FRAMEWORK_PARTNERSHIP',
        earmarkingCategory: '2',
        title: 'Better Work Bangladesh',
        description:
          'Factory assessments, advisory services and training to improve working conditions and competitiveness in the ready-made garment industry.',
        currency: 'USD',
        totalMinor: 9_500_000_00,
        ...span(-210, 36),
        allocations: {
          recipients: [{ kind: 'COUNTRY', code: 'BD', percent: 100 }],
          sectors: [
            { vocabulary: '1', code: '16070', percent: 60 },
            { vocabulary: '1', code: '32163', percent: 40 },
          ],
          pbOutcomes: ['7', '4'],
          sdgGoals: ['8', '5'],
          sdgTargets: ['8.8', '5.5'],
          policyMarkers: [{ code: '1', significance: '2' }],
          dcStrategyArea: '3',
        },
      },
      tranches: [
        { plannedOn: d(-200), amountMinor: 4_000_000_00, invoicedOn: d(-210), receivedOn: d(-190) },
        { plannedOn: d(-20), amountMinor: 3_000_000_00, invoicedOn: d(-35), receivedOn: d(-12) },
        { plannedOn: d(340), amountMinor: 2_500_000_00 },
      ],
      obligations: [
        progress('SEMI_ANNUAL', 45, 'One report to both partners'),
        financial('ANNUAL', 120, 'FINANCIAL_STATEMENT'),
      ],
    },
    {
      partners: ['United States Department of Labor'],
      status: 'ACTIVE',
      signedOn: d(-400),
      terms: {
        ...project,
        title: "Fundamental principles and rights at work in cocoa supply chains of Côte d'Ivoire",
        description:
          'Preventing child labour and forced labour in cocoa-growing communities, with labour inspection and social dialogue.',
        currency: 'USD',
        totalMinor: 5_000_000_00,
        ...span(-380, 48),
        allocations: {
          recipients: [{ kind: 'COUNTRY', code: 'CI', percent: 100 }],
          sectors: [
            { vocabulary: '1', code: '16070', percent: 70 },
            { vocabulary: '1', code: '31120', percent: 30 },
          ],
          pbOutcomes: ['2', '7'],
          sdgGoals: ['8'],
          sdgTargets: ['8.7'],
          policyMarkers: [{ code: '1', significance: '1' }],
          dcStrategyArea: '1',
        },
      },
      tranches: [
        { plannedOn: d(-370), amountMinor: 2_500_000_00, receivedOn: d(-365) },
        { plannedOn: d(360), amountMinor: 2_500_000_00 },
      ],
      obligations: [progress('SEMI_ANNUAL', 30, 'Technical progress reports'), final(90)],
    },
    {
      partners: ['State Secretariat for Economic Affairs'],
      status: 'ACTIVE',
      signedOn: d(-815),
      terms: {
        ...project,
        title: 'SCORE: Sustaining competitive and responsible enterprises in Viet Nam',
        description:
          'Workplace cooperation, quality, productivity and occupational safety and health in small and medium-sized enterprises.',
        currency: 'CHF',
        totalMinor: 6_800_000_00,
        startOn: d(-800),
        endOn: d(100),
        allocations: {
          recipients: [{ kind: 'COUNTRY', code: 'VN', percent: 100 }],
          sectors: [
            { vocabulary: '1', code: '32130', percent: 70 },
            { vocabulary: '1', code: '16080', percent: 30 },
          ],
          pbOutcomes: ['4'],
          sdgGoals: ['8', '9'],
          sdgTargets: ['8.3', '9.3'],
          policyMarkers: [{ code: '1', significance: '1' }],
          dcStrategyArea: '1',
        },
      },
      tranches: [
        { plannedOn: d(-790), amountMinor: 2_800_000_00, invoicedOn: d(-800), receivedOn: d(-780) },
        { plannedOn: d(-420), amountMinor: 2_000_000_00, invoicedOn: d(-430), receivedOn: d(-410) },
        {
          plannedOn: d(20),
          amountMinor: 2_000_000_00,
          conditions: 'On approval of the second progress report',
        },
      ],
      obligations: [progress('ANNUAL', 90), final(90)],
    },
    {
      partners: ['Foreign, Commonwealth & Development Office'],
      status: 'ENDED',
      signedOn: d(-755),
      terms: {
        ...project,
        title:
          'Work in Freedom: preventing forced labour of women migrant workers in South Asia and the Middle East',
        description:
          'Fair recruitment, safe migration and access to justice for women migrating for domestic work and garment jobs.',
        currency: 'GBP',
        totalMinor: 12_000_000_00,
        startOn: d(-740),
        endOn: d(-20),
        allocations: {
          recipients: [
            { kind: 'COUNTRY', code: 'NP', percent: 30 },
            { kind: 'COUNTRY', code: 'BD', percent: 30 },
            { kind: 'COUNTRY', code: 'IN', percent: 20 },
            { kind: 'COUNTRY', code: 'JO', percent: 10 },
            { kind: 'COUNTRY', code: 'LB', percent: 10 },
          ],
          sectors: [
            { vocabulary: '1', code: '16070', percent: 50 },
            { vocabulary: '1', code: '15170', percent: 50 },
          ],
          pbOutcomes: ['7', '6'],
          sdgGoals: ['8', '5'],
          sdgTargets: ['8.7', '8.8', '5.2'],
          policyMarkers: [{ code: '1', significance: '2' }],
          dcStrategyArea: '2',
        },
      },
      tranches: [
        { plannedOn: d(-730), amountMinor: 5_000_000_00, receivedOn: d(-725) },
        { plannedOn: d(-365), amountMinor: 5_000_000_00, receivedOn: d(-360) },
        { plannedOn: d(-60), amountMinor: 2_000_000_00, invoicedOn: d(-70), receivedOn: d(-45) },
      ],
      obligations: [progress('ANNUAL', 60), final(90), financial('FINAL', 180)],
    },
    {
      partners: ['Ministry of Foreign Affairs of Japan'],
      status: 'SIGNED',
      signedOn: d(-20),
      terms: {
        ...project,
        title: "Livelihoods and skills for host communities and refugees in Cox's Bazar, Bangladesh",
        description:
          'Employment-intensive investment and market-relevant skills training (supplementary budget).',
        currency: 'JPY',
        totalMinor: 480_000_000,
        pscRatePercent: 7,
        ...span(25, 12),
        allocations: {
          recipients: [{ kind: 'COUNTRY', code: 'BD', percent: 100 }],
          sectors: [
            { vocabulary: '1', code: '11330', percent: 50 },
            { vocabulary: '1', code: '16020', percent: 50 },
          ],
          pbOutcomes: ['3', '5'],
          sdgGoals: ['8', '4'],
          sdgTargets: ['8.5', '4.4'],
          policyMarkers: [{ code: '1', significance: '1' }],
          dcStrategyArea: '2',
        },
      },
      tranches: [
        { plannedOn: d(30), amountMinor: 400_000_000 },
        { plannedOn: d(300), amountMinor: 80_000_000 },
      ],
      obligations: [progress('SEMI_ANNUAL', 60), final(120)],
    },
    {
      partners: ['Korea International Cooperation Agency'],
      status: 'PENDING_SIGNATURE',
      terms: {
        ...project,
        title: 'Occupational safety and health in the construction sector of Viet Nam',
        currency: 'USD',
        totalMinor: 2_400_000_00,
        ...span(60, 36),
        allocations: {
          recipients: [{ kind: 'COUNTRY', code: 'VN', percent: 100 }],
          sectors: [{ vocabulary: '1', code: '16070', percent: 100 }],
          pbOutcomes: ['7'],
          sdgGoals: ['8'],
          sdgTargets: ['8.8'],
          policyMarkers: [],
          dcStrategyArea: '1',
        },
      },
      tranches: [
        { plannedOn: d(75), amountMinor: 1_200_000_00 },
        { plannedOn: d(440), amountMinor: 1_200_000_00 },
      ],
      obligations: [],
    },
    {
      partners: ['Swedish International Development Cooperation Agency'],
      status: 'IN_REVIEW',
      terms: {
        ...project,
        title: 'Decent work in garment supply chains in Asia',
        description:
          'Social dialogue, gender equality and environmental sustainability in the garment sectors of Bangladesh, Cambodia, Indonesia and Viet Nam.',
        currency: 'SEK',
        totalMinor: 60_000_000_00,
        ...span(90, 48),
        allocations: {
          recipients: [
            { kind: 'COUNTRY', code: 'BD', percent: 25 },
            { kind: 'COUNTRY', code: 'KH', percent: 25 },
            { kind: 'COUNTRY', code: 'ID', percent: 25 },
            { kind: 'COUNTRY', code: 'VN', percent: 25 },
          ],
          sectors: [
            { vocabulary: '1', code: '16080', percent: 50 },
            { vocabulary: '1', code: '32163', percent: 50 },
          ],
          pbOutcomes: ['1', '6'],
          sdgGoals: ['8', '5', '12'],
          sdgTargets: ['8.8', '5.5', '12.6'],
          policyMarkers: [
            { code: '1', significance: '2' },
            { code: '2', significance: '1' },
          ],
          dcStrategyArea: '2',
        },
      },
      tranches: [],
      obligations: [],
    },
    {
      partners: ['Federal Ministry for Economic Cooperation and Development'],
      status: 'DRAFT',
      terms: {
        ...project,
        title: 'Green jobs and a just transition in Indonesia',
        currency: 'EUR',
        totalMinor: 4_500_000_00,
        ...span(120, 36),
        allocations: {
          recipients: [{ kind: 'COUNTRY', code: 'ID', percent: 100 }],
          sectors: [
            { vocabulary: '1', code: '16020', percent: 60 },
            { vocabulary: '1', code: '11330', percent: 40 },
          ],
          pbOutcomes: ['3'],
          sdgGoals: ['8', '13'],
          sdgTargets: ['8.4', '13.2'],
          policyMarkers: [
            { code: '2', significance: '2' },
            { code: '6', significance: '1' },
          ],
          dcStrategyArea: '2',
        },
      },
      tranches: [],
      obligations: [],
    },
    {
      partners: ['Global Affairs Canada'],
      status: 'DRAFT',
      terms: {
        ...project,
        title: 'Gender-responsive employment services for women in Jordan',
        currency: 'CAD',
        totalMinor: 3_750_000_00,
        ...span(150, 36),
        allocations: {
          recipients: [{ kind: 'COUNTRY', code: 'JO', percent: 100 }],
          sectors: [{ vocabulary: '1', code: '16020', percent: 100 }],
          pbOutcomes: ['6', '3'],
          sdgGoals: ['5', '8'],
          sdgTargets: ['5.5', '8.5'],
          policyMarkers: [{ code: '1', significance: '2' }],
          dcStrategyArea: null,
        },
      },
      tranches: [],
      obligations: [],
    },
    {
      partners: ['Ministry of Foreign Affairs of Denmark'],
      status: 'ACTIVE',
      signedOn: d(-320),
      terms: {
        ...rbsa,
        title: 'Regular Budget Supplementary Account: Danish contribution',
        description: 'Unearmarked core voluntary funding, allocated by the Office to the P&B outcomes.',
        currency: 'DKK',
        totalMinor: 45_000_000_00,
        ...span(-300, 24),
        allocations: {
          recipients: [{ kind: 'REGION', code: '998', percent: 100 }],
          sectors: [
            { vocabulary: '1', code: '16020', percent: 50 },
            { vocabulary: '1', code: '16010', percent: 25 },
            { vocabulary: '1', code: '16080', percent: 25 },
          ],
          pbOutcomes: ['1', '3', '8'],
          sdgGoals: ['8'],
          sdgTargets: ['8.5'],
          policyMarkers: [],
          dcStrategyArea: '3',
        },
      },
      tranches: [
        { plannedOn: d(-290), amountMinor: 25_000_000_00, invoicedOn: d(-300), receivedOn: d(-280) },
        { plannedOn: d(70), amountMinor: 20_000_000_00 },
      ],
      obligations: [progress('ANNUAL', 120, 'RBSA annual report')],
    },
    {
      partners: ['Belgian Directorate-General for Development Cooperation and Humanitarian Aid'],
      status: 'ENDED',
      signedOn: d(-790),
      terms: {
        ...rbsa,
        title: 'Regular Budget Supplementary Account: Belgian contribution',
        description: 'Unearmarked core voluntary funding, allocated by the Office to the P&B outcomes.',
        currency: 'EUR',
        totalMinor: 4_000_000_00,
        startOn: d(-775),
        endOn: d(-45),
        allocations: {
          recipients: [{ kind: 'REGION', code: '998', percent: 100 }],
          sectors: [
            { vocabulary: '1', code: '16020', percent: 50 },
            { vocabulary: '1', code: '16070', percent: 50 },
          ],
          pbOutcomes: ['2', '3', '7'],
          sdgGoals: ['8'],
          sdgTargets: ['8.5', '8.8'],
          policyMarkers: [],
          dcStrategyArea: '3',
        },
      },
      tranches: [
        { plannedOn: d(-770), amountMinor: 2_000_000_00, receivedOn: d(-760) },
        { plannedOn: d(-400), amountMinor: 2_000_000_00, receivedOn: d(-395) },
      ],
      obligations: [final(60)],
    },
  ];
};

/**
 * Illustrative rates of exchange (units per 1 USD) for the currencies above: made-up figures in a
 * plausible range, NOT the real UN operational rates of exchange. Each month wobbles a little
 * around the base so that the revaluation is visible.
 */
const baseRates: Readonly<Record<string, number>> = {
  EUR: 0.92,
  NOK: 10.6,
  SEK: 10.5,
  DKK: 6.87,
  CHF: 0.88,
  GBP: 0.79,
  JPY: 150,
  CAD: 1.36,
  KRW: 1350,
  AUD: 1.52,
};

/** Months from `first` to `last` (YYYY-MM), both included. */
export const monthsBetween = (first: string, last: string): string[] => {
  const months: string[] = [];
  let [year, month] = first.split('-').map(Number) as [number, number];
  for (;;) {
    const current = `${year}-${String(month).padStart(2, '0')}`;
    if (current > last) return months;
    months.push(current);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
};

/**
 * The illustrative monthly rates the demo needs: every currency above, every month from 2024-01 (or
 * the earliest demo date, if earlier) to the current month. Not real UN rates.
 */
export const demoRates = (today: string): { currency: string; month: string; ratePerUsd: string }[] => {
  const dates = demoAgreements(today).flatMap((a) => [
    a.signedOn ?? '9999',
    a.terms.startOn ?? '9999',
    ...a.tranches.map((t) => t.receivedOn ?? '9999'),
  ]);
  const earliest = [...dates, '2024-01'].sort()[0]!.slice(0, 7);
  return monthsBetween(earliest, today.slice(0, 7)).flatMap((month) => {
    const [year, m] = month.split('-').map(Number) as [number, number];
    const wobble = 1 + 0.03 * Math.sin((year * 12 + m) / 3);
    return Object.entries(baseRates).map(([currency, base]) => ({
      currency,
      month,
      ratePerUsd: (base * wobble).toFixed(base >= 100 ? 2 : 4),
    }));
  });
};
