import type { ParseKeys } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n/i18n';
import { countryName } from '../../../lib/countries';
import { formatDate } from '../../../lib/dates';
import { useStaffNames } from '../../../lib/staff-directory';
import { agreementTypeLabel, fundingSourceLabel } from './labels';
import { formatMoney } from './money';

// How the terms of an agreement read field by field: in a conflict after a 409, in an amendment's
// changes and in the diff between two versions. Money is in minor units of the agreement's currency.

/** The translation key of each term's label, as the contract names the term. */
export const termLabelKeys: Readonly<Record<string, ParseKeys>> = {
  partnerIds: 'agreements.fields.partners',
  title: 'agreements.fields.title',
  type: 'agreements.fields.type',
  fundingSource: 'agreements.fields.fundingSource',
  earmarkingCategory: 'agreements.fields.earmarkingCategory',
  aidType: 'agreements.fields.aidType',
  flowType: 'agreements.fields.flowType',
  financeType: 'agreements.fields.financeType',
  description: 'agreements.fields.description',
  currency: 'agreements.fields.currency',
  totalMinor: 'agreements.fields.total',
  pscRatePercent: 'agreements.fields.pscRatePercent',
  startOn: 'agreements.fields.startOn',
  endOn: 'agreements.fields.endOn',
  signedOn: 'agreements.fields.signedOn',
  responsibleOfficerId: 'agreements.fields.responsibleOfficer',
  delegateIds: 'agreements.fields.delegates',
  allocations: 'agreements.fields.allocations',
  'allocations.recipients': 'agreements.allocations.recipients',
  'allocations.sectors': 'agreements.allocations.sectors',
  'allocations.pbOutcomes': 'agreements.fields.pbOutcomes',
  'allocations.sdgGoals': 'agreements.fields.sdgGoals',
  'allocations.sdgTargets': 'agreements.fields.sdgTargets',
  'allocations.policyMarkers': 'agreements.fields.policyMarkers',
  'allocations.dcStrategyArea': 'agreements.fields.dcStrategyArea',
};

const isEmpty = (value: unknown) =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};

export interface TermText {
  label: (field: string) => string;
  value: (field: string, value: unknown) => string;
}

/** Labels and values of an agreement's terms; `partnerNames` names partners by id where known. */
export const useTermText = (currency: string, partnerNames?: ReadonlyMap<string, string>): TermText => {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const { nameOf } = useStaffNames();
  return useMemo(() => {
    const list = new Intl.ListFormat(language, { style: 'narrow', type: 'unit' });
    const number = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
    const percent = (value: unknown) => `${number.format(Number(value))} %`;
    const value = (field: string, raw: unknown): string => {
      if (isEmpty(raw)) return t('common.none');
      switch (field) {
        case 'totalMinor':
          return typeof raw === 'number' ? formatMoney(raw, currency, language) : String(raw);
        case 'pscRatePercent':
          return percent(raw);
        case 'startOn':
        case 'endOn':
        case 'signedOn':
          return typeof raw === 'string' ? formatDate(raw, language) : String(raw);
        case 'type':
          return agreementTypeLabel(t, String(raw));
        case 'fundingSource':
          return fundingSourceLabel(t, String(raw));
        case 'responsibleOfficerId':
          return nameOf(String(raw));
        case 'delegateIds':
          return Array.isArray(raw) ? list.format(raw.map((id) => nameOf(String(id)))) : String(raw);
        case 'partnerIds':
          return Array.isArray(raw)
            ? list.format(raw.map((id) => partnerNames?.get(String(id)) ?? String(id)))
            : String(raw);
        case 'allocations.recipients':
          return Array.isArray(raw)
            ? list.format(
                raw.map((item) => {
                  const r = record(item);
                  const code = String(r['code'] ?? '');
                  const name = r['kind'] === 'COUNTRY' ? countryName(code, language) : code;
                  return `${name} ${percent(r['percent'])}`;
                }),
              )
            : String(raw);
        case 'allocations.sectors':
          return Array.isArray(raw)
            ? list.format(
                raw.map((item) => {
                  const r = record(item);
                  return `${String(r['code'] ?? '')} ${percent(r['percent'])}`;
                }),
              )
            : String(raw);
        case 'allocations.policyMarkers':
          return Array.isArray(raw)
            ? list.format(
                raw.map((item) => {
                  const r = record(item);
                  return `${String(r['code'] ?? '')}: ${String(r['significance'] ?? '')}`;
                }),
              )
            : String(raw);
        default:
          if (Array.isArray(raw)) return list.format(raw.map(String));
          if (typeof raw === 'number') return number.format(raw);
          if (typeof raw === 'string') return raw;
          return JSON.stringify(raw);
      }
    };
    const label = (field: string): string => {
      const key = termLabelKeys[field];
      return key ? t(key) : field;
    };
    return { label, value };
  }, [t, language, nameOf, currency, partnerNames]);
};
