import { AgreementStatuses, type AgreementStatus } from '@pardev/contracts';
import type { ParseKeys } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type en from '../i18n/en.json';
import { currentLanguage } from '../i18n/i18n';
import { countryName } from './countries';
import { formatDate } from './dates';
import {
  checkResultLabelKey,
  checkTypeLabelKey,
  flagCategoryLabelKey,
  flagLevelLabelKey,
  isCheckResult,
  isCheckType,
  isFlagCategory,
  isFlagLevel,
  isOwnership,
  isPartnerCategory,
  isRegion,
  isPartnerStatus,
  isRole,
  organisationTypeLabel,
  ownershipLabelKey,
  partnerCategoryLabelKey,
  partnerStatusLabelKey,
  regionLabelKey,
  roleLabelKey,
} from './reference-labels';
import { shortId, useStaffNames } from './staff-directory';

const isAgreementStatus = (value: unknown): value is AgreementStatus =>
  typeof value === 'string' && (AgreementStatuses as readonly string[]).includes(value);

// How the fields of audited records read to a person: their labels and their values (codes as
// labels, user ids as names). Shared by record pages and the audit trail.

type DueDiligenceField = keyof (typeof en)['dueDiligence']['fields'];

/** The fields of a due-diligence check as it is recorded (the form, the history). */
export const CheckFields = ['type', 'result', 'checkedOn', 'expiresOn', 'evidence', 'notes'] as const;

/** Label keys of the fields of a partner's checks and flags (forms, tables and the history). */
export const dueDiligenceLabelKeys = <F extends DueDiligenceField>(fields: readonly F[]) =>
  Object.fromEntries(fields.map((field) => [field, `dueDiligence.fields.${field}`])) as {
    readonly [K in F]: `dueDiligence.fields.${K}`;
  };

const fieldLabelKeys: Readonly<Record<string, Readonly<Record<string, ParseKeys>>>> = {
  partner: {
    name: 'partners.fields.name',
    acronym: 'partners.fields.acronym',
    organisationType: 'partners.fields.organisationType',
    category: 'partners.fields.category',
    country: 'partners.fields.country',
    legalName: 'partners.fields.legalName',
    iatiIdentifier: 'partners.fields.iatiIdentifier',
    ownership: 'partners.fields.ownership',
    region: 'partners.fields.region',
    parentPartnerId: 'partners.fields.parentPartner',
    tags: 'partners.fields.tags',
    // `notes` is labelled by the due-diligence fields below (a check's and the partner's notes alike).
    responsibleOfficerId: 'partners.fields.responsibleOfficer',
    delegateIds: 'partners.fields.delegates',
    status: 'partners.fields.status',
    blockedForNewAgreements: 'partners.fields.blockedForNewAgreements',
    // Due diligence is recorded against the partner: its checks and flags.
    ...dueDiligenceLabelKeys([...CheckFields, 'flag', 'level', 'comment', 'resolution']),
  },
  agreement: {
    title: 'agreements.fields.title',
    reference: 'agreements.fields.reference',
    partnerIds: 'agreements.fields.partners',
    type: 'agreements.fields.type',
    fundingSource: 'agreements.fields.fundingSource',
    earmarkingCategory: 'agreements.fields.earmarkingCategory',
    aidType: 'agreements.fields.aidType',
    flowType: 'agreements.fields.flowType',
    financeType: 'agreements.fields.financeType',
    currency: 'agreements.fields.currency',
    totalMinor: 'agreements.fields.total',
    pscRatePercent: 'agreements.fields.pscRatePercent',
    signedOn: 'agreements.fields.signedOn',
    startOn: 'agreements.fields.startOn',
    endOn: 'agreements.fields.endOn',
    description: 'agreements.fields.description',
    status: 'agreements.fields.status',
    statusReason: 'agreements.fields.statusReason',
    responsibleOfficerId: 'agreements.fields.responsibleOfficer',
    delegateIds: 'agreements.fields.delegates',
    allocations: 'agreements.fields.allocations',
  },
  user: {
    displayName: 'users.fields.displayName',
    email: 'users.fields.email',
    roles: 'users.fields.roles',
    active: 'users.fields.status',
  },
};

/** Whether two field values are the same (values of audited fields are plain JSON). */
export const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

const isEmpty = (value: unknown): boolean =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

export interface RecordFieldText {
  /** The field's label, e.g. "Responsible officer"; the field's own name when it has none. */
  label: (entityType: string, field: string) => string;
  /** The value as a person reads it, e.g. a country's name or a colleague's name for an id. */
  value: (field: string, value: unknown) => string;
}

export const useRecordFieldText = (): RecordFieldText => {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const { nameOf } = useStaffNames();

  return useMemo(() => {
    const list = new Intl.ListFormat(language, { style: 'long', type: 'conjunction' });
    const number = new Intl.NumberFormat(language);

    const plain = (value: unknown): string => {
      if (isEmpty(value)) return t('common.none');
      if (typeof value === 'string') return value;
      if (typeof value === 'number') return number.format(value);
      if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
      if (Array.isArray(value)) return list.format(value.map(plain));
      return JSON.stringify(value);
    };

    const value = (field: string, raw: unknown): string => {
      if (isEmpty(raw)) return t('common.none');
      switch (field) {
        case 'category':
          // A partner's category, or a flag's (the two lists share only "Other").
          if (isPartnerCategory(raw)) return t(partnerCategoryLabelKey(raw));
          return isFlagCategory(raw) ? t(flagCategoryLabelKey(raw)) : plain(raw);
        case 'status':
          if (isPartnerStatus(raw)) return t(partnerStatusLabelKey(raw));
          return isAgreementStatus(raw) ? t(`agreements.status.${raw}`) : plain(raw);
        case 'ownership':
          return isOwnership(raw) ? t(ownershipLabelKey(raw)) : plain(raw);
        case 'region':
          return isRegion(raw) ? t(regionLabelKey(raw)) : plain(raw);
        case 'parentPartnerId':
          return typeof raw === 'string' ? shortId(raw) : plain(raw);
        case 'type':
          return isCheckType(raw) ? t(checkTypeLabelKey(raw)) : plain(raw);
        case 'result':
          return isCheckResult(raw) ? t(checkResultLabelKey(raw)) : plain(raw);
        case 'level':
          return isFlagLevel(raw) ? t(flagLevelLabelKey(raw)) : plain(raw);
        case 'checkedOn':
        case 'expiresOn':
        case 'signedOn':
        case 'startOn':
        case 'endOn':
          return typeof raw === 'string' ? formatDate(raw, language) : plain(raw);
        case 'flag':
          return typeof raw === 'string' ? shortId(raw) : plain(raw);
        case 'country':
          return typeof raw === 'string' ? countryName(raw, language) : plain(raw);
        case 'organisationType':
          return typeof raw === 'string' ? organisationTypeLabel(raw, language) : plain(raw);
        case 'responsibleOfficerId':
          return typeof raw === 'string' ? nameOf(raw) : plain(raw);
        case 'delegateIds':
          return Array.isArray(raw) ? list.format(raw.map((id) => nameOf(String(id)))) : plain(raw);
        case 'roles':
          return Array.isArray(raw)
            ? list.format(raw.map((role) => (isRole(role) ? t(roleLabelKey(role)) : String(role))))
            : plain(raw);
        case 'active':
          return typeof raw === 'boolean'
            ? t(raw ? 'users.status.active' : 'users.status.deactivated')
            : plain(raw);
        default:
          return plain(raw);
      }
    };

    const label = (entityType: string, field: string): string => {
      const key = fieldLabelKeys[entityType]?.[field];
      return key ? t(key) : field;
    };

    return { label, value };
  }, [t, language, nameOf]);
};
