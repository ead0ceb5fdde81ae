import { Country, activeItems, labelOf } from '@pardev/reference-data';
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import es from 'i18n-iso-countries/langs/es.json';
import fr from 'i18n-iso-countries/langs/fr.json';
import type { Language } from '../i18n/languages';

countries.registerLocale(en);
countries.registerLocale(fr);
countries.registerLocale(es);

/** Country name in the UI language; the IATI name, then the code, when the library lacks it. */
export const countryName = (code: string, language: Language): string =>
  countries.getName(code, language) ?? labelOf(Country, code, language) ?? code;

export interface CountryOption {
  value: string;
  label: string;
}

const optionsCache = new Map<Language, CountryOption[]>();

/** Active IATI countries (withdrawn codes stay readable but are not offered), sorted for the reader. */
export const countryOptions = (language: Language): CountryOption[] => {
  const cached = optionsCache.get(language);
  if (cached) return cached;
  const collator = new Intl.Collator(language, { sensitivity: 'base' });
  const options = activeItems(Country)
    .map((item) => ({ value: item.code, label: countryName(item.code, language) }))
    .sort((a, b) => collator.compare(a.label, b.label));
  optionsCache.set(language, options);
  return options;
};
