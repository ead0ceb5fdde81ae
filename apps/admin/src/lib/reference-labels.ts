import { OrganisationType, activeItems, labelOf } from '@pardev/reference-data';
import type { Language } from '../i18n/languages';

// IATI names exist in English and partly in French; Spanish readers get the English name.
export const organisationTypeLabel = (code: string, language: Language): string =>
  labelOf(OrganisationType, code, language) ?? code;

export const organisationTypeOptions = (language: Language): { value: string; label: string }[] =>
  activeItems(OrganisationType).map((item) => ({
    value: item.code,
    label: item.name[language] ?? item.name.en ?? item.code,
  }));
