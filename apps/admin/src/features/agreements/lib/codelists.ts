import {
  ActivityStatus,
  AidType,
  EarmarkingCategory,
  FinanceType,
  FlowType,
  PolicyMarker,
  PolicySignificance,
  Region,
  Sector,
  UNSDGGoals,
  UNSDGTargets,
  activeItems,
  labelOf,
  type CodelistItem,
} from '@pardev/reference-data';
import type { Language } from '../../../i18n/languages';

// IATI codelists with names in the reader's language where the source has them (English otherwise).

export interface Option {
  value: string;
  label: string;
}

const cache = new Map<string, Option[]>();

const optionsOf = (
  name: string,
  list: readonly CodelistItem[],
  language: Language,
  withCode: boolean,
): Option[] => {
  const key = `${name}:${language}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const options = activeItems(list).map((item) => {
    const label = item.name[language] ?? item.name.en ?? item.code;
    return { value: item.code, label: withCode ? `${item.code} · ${label}` : label };
  });
  cache.set(key, options);
  return options;
};

export const regionOptions = (language: Language) => optionsOf('region', Region, language, false);
/** DAC 5-digit purpose codes (vocabulary 1), searchable by code or name. */
export const sectorOptions = (language: Language) => optionsOf('sector', Sector, language, true);
export const sdgGoalOptions = (language: Language) => optionsOf('sdg', UNSDGGoals, language, true);
export const sdgTargetOptions = (language: Language) => optionsOf('sdgTarget', UNSDGTargets, language, true);
export const policyMarkerOptions = (language: Language) => optionsOf('marker', PolicyMarker, language, false);
export const significanceOptions = (language: Language) =>
  optionsOf('significance', PolicySignificance, language, true);
export const aidTypeOptions = (language: Language) => optionsOf('aid', AidType, language, true);
export const flowTypeOptions = (language: Language) => optionsOf('flow', FlowType, language, true);
export const financeTypeOptions = (language: Language) => optionsOf('finance', FinanceType, language, true);
export const earmarkingOptions = (language: Language) =>
  optionsOf('earmarking', EarmarkingCategory, language, true);

export const codeLabel = (list: readonly CodelistItem[], code: string, language: Language): string =>
  labelOf(list, code, language) ?? code;
export const activityStatusOptions = (language: Language) =>
  optionsOf('activityStatus', ActivityStatus, language, false);
