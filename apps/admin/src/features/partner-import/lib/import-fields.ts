import type { PartnerImportField } from '@pardev/contracts';
import type { ParseKeys } from 'i18next';

/** Each column's field, labelled as the partner form labels it. */
export const importFieldLabelKeys: Readonly<Record<PartnerImportField, ParseKeys>> = {
  id: 'partnerImport.fields.id',
  name: 'partners.fields.name',
  acronym: 'partners.fields.acronym',
  legalName: 'partners.fields.legalName',
  iatiIdentifier: 'partners.fields.iatiIdentifier',
  organisationType: 'partners.fields.organisationType',
  category: 'partners.fields.category',
  ownership: 'partners.fields.ownership',
  country: 'partners.fields.country',
  status: 'partners.fields.status',
  tags: 'partners.fields.tags',
  notes: 'partners.fields.notes',
};

// A row's errors may name profile fields that have no column (worked out from others), or the file.
const otherFieldLabelKeys: Readonly<Record<string, ParseKeys>> = {
  region: 'partners.fields.region',
  parentPartnerId: 'partners.fields.parentPartner',
  // A problem with the file as a whole.
  file: 'partnerImport.file.label',
};

/** The i18n key of the label of a field a row error names, if it has one. */
export const importFieldLabelKey = (field: string): ParseKeys | undefined =>
  Object.hasOwn(importFieldLabelKeys, field)
    ? importFieldLabelKeys[field as PartnerImportField]
    : otherFieldLabelKeys[field];
