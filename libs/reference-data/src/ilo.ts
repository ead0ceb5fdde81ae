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
