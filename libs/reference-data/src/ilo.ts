// ILO partner categories as PARDEV reports them (DOMAIN.md: "ILO partner category").
export const IloPartnerCategories = [
  'GOVERNMENT_OECD_DAC',
  'GOVERNMENT_EMERGING',
  'EUROPEAN_UNION',
  'UN_ENTITY',
  'IFI',
  'DOMESTIC_FUNDING',
  'PRIVATE_SECTOR',
  'FOUNDATION',
  'NON_STATE_ACTOR',
  'SSTC_PARTNER',
  'OTHER',
] as const;
export type IloPartnerCategory = (typeof IloPartnerCategories)[number];

// Categories whose partner is a State: a country is required for them.
export const CountryBoundPartnerCategories: readonly IloPartnerCategory[] = [
  'GOVERNMENT_OECD_DAC',
  'GOVERNMENT_EMERGING',
  'DOMESTIC_FUNDING',
];

// Kinds of funding agreement PARDEV records (DOMAIN.md, agreements-service).
export const AgreementTypes = [
  'FRAMEWORK_PARTNERSHIP',
  'PROJECT_AGREEMENT',
  'RBSA_CONTRIBUTION',
  'PUBLIC_PRIVATE_PARTNERSHIP',
  'DOMESTIC_FUNDING',
  'SSTC_ARRANGEMENT',
  'UN_PASS_THROUGH',
] as const;
export type AgreementType = (typeof AgreementTypes)[number];

// Where the money comes from: extra-budgetary (earmarked), the supplementary account (unearmarked),
// regular-budget technical cooperation, or the regular budget itself.
export const FundingSources = ['XBDC', 'RBSA', 'RBTC', 'RB'] as const;
export type FundingSource = (typeof FundingSources)[number];

// ILO Programme and Budget 2024–25: the eight policy outcomes and the three enabling outcomes.
export const PbOutcomes = [
  { code: '1', name: 'Strong tripartite constituents and influential and inclusive social dialogue' },
  { code: '2', name: 'International labour standards and authoritative and effective supervision' },
  {
    code: '3',
    name: 'Economic, social and environmental transitions for full, productive and freely chosen employment and decent work',
  },
  {
    code: '4',
    name: 'Sustainable enterprises as generators of employment and promoters of innovation and decent work',
  },
  {
    code: '5',
    name: 'Skills and lifelong learning to facilitate access to and transitions in the labour market',
  },
  { code: '6', name: 'Gender equality and equal opportunities and treatment for all in the world of work' },
  { code: '7', name: 'Adequate and effective protection at work for all' },
  { code: '8', name: 'Comprehensive and sustainable social protection for all' },
  { code: 'A', name: 'Authoritative knowledge and high-impact partnerships for promoting decent work' },
  { code: 'B', name: 'Improved leadership and governance' },
  { code: 'C', name: 'Optimized use of resources' },
] as const;
export type PbOutcomeCode = (typeof PbOutcomes)[number]['code'];

// The four strategic areas of the ILO Development Cooperation Strategy 2020–25.
export const DcStrategyAreas = [
  { code: '1', name: 'Services to constituents' },
  { code: '2', name: 'Partnerships for policy coherence' },
  { code: '3', name: 'Partnerships for funding' },
  { code: '4', name: 'Efficiency, decent work results and transparency' },
] as const;
export type DcStrategyAreaCode = (typeof DcStrategyAreas)[number]['code'];
