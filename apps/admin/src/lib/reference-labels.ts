import {
  CheckResults,
  CheckTypes,
  FlagCategories,
  FlagLevels,
  Ownerships,
  PartnerStatuses,
  Roles,
  type CheckResult,
  type CheckType,
  type FlagCategory,
  type FlagLevel,
  type Ownership,
  type PartnerCategory,
  type PartnerStatus,
  type Role,
} from '@pardev/contracts';
import {
  IloPartnerCategories,
  IloRegions,
  OrganisationType,
  activeItems,
  labelOf,
  type IloRegion,
} from '@pardev/reference-data';
import type { Language } from '../i18n/languages';

// IATI names exist in English and partly in French; Spanish readers get the English name.
export const organisationTypeLabel = (code: string, language: Language): string =>
  labelOf(OrganisationType, code, language) ?? code;

export const organisationTypeOptions = (language: Language): { value: string; label: string }[] =>
  activeItems(OrganisationType).map((item) => ({
    value: item.code,
    label: item.name[language] ?? item.name.en ?? item.code,
  }));

const isOneOf =
  <T extends string>(codes: readonly T[]) =>
  (value: unknown): value is T =>
    typeof value === 'string' && (codes as readonly string[]).includes(value);

export const isPartnerCategory = isOneOf<PartnerCategory>(IloPartnerCategories);
export const partnerCategoryLabelKey = (category: PartnerCategory) =>
  `partners.category.${category}` as const;

export const isPartnerStatus = isOneOf<PartnerStatus>(PartnerStatuses);
export const partnerStatusLabelKey = (status: PartnerStatus) => `partners.status.${status}` as const;

export const isOwnership = isOneOf<Ownership>(Ownerships);
export const ownershipLabelKey = (ownership: Ownership) => `partners.ownership.${ownership}` as const;

export const isRegion = isOneOf<IloRegion>(IloRegions);
export const regionLabelKey = (region: IloRegion) => `partners.region.${region}` as const;

export const isRole = isOneOf<Role>(Roles);
export const roleLabelKey = (role: Role) => `users.role.${role}` as const;

// Due diligence: the codes of the contracts, each with a label in the three languages.
export const isCheckType = isOneOf<CheckType>(CheckTypes);
export const checkTypeLabelKey = (type: CheckType) => `dueDiligence.checkType.${type}` as const;

export const isCheckResult = isOneOf<CheckResult>(CheckResults);
export const checkResultLabelKey = (result: CheckResult) => `dueDiligence.checkResult.${result}` as const;

export const isFlagLevel = isOneOf<FlagLevel>(FlagLevels);
export const flagLevelLabelKey = (level: FlagLevel) => `dueDiligence.flagLevel.${level}` as const;

export const isFlagCategory = isOneOf<FlagCategory>(FlagCategories);
export const flagCategoryLabelKey = (category: FlagCategory) =>
  `dueDiligence.flagCategory.${category}` as const;
