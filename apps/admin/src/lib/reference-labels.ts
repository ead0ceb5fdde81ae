import { Roles, type PartnerCategory, type Role } from '@pardev/contracts';
import { IloPartnerCategories, OrganisationType, activeItems, labelOf } from '@pardev/reference-data';
import type { Language } from '../i18n/languages';

// IATI names exist in English and partly in French; Spanish readers get the English name.
export const organisationTypeLabel = (code: string, language: Language): string =>
  labelOf(OrganisationType, code, language) ?? code;

export const organisationTypeOptions = (language: Language): { value: string; label: string }[] =>
  activeItems(OrganisationType).map((item) => ({
    value: item.code,
    label: item.name[language] ?? item.name.en ?? item.code,
  }));

export const isPartnerCategory = (value: unknown): value is PartnerCategory =>
  typeof value === 'string' && (IloPartnerCategories as readonly string[]).includes(value);

export const partnerCategoryLabelKey = (category: PartnerCategory) =>
  `partners.category.${category}` as const;

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (Roles as readonly string[]).includes(value);

export const roleLabelKey = (role: Role) => `users.role.${role}` as const;
