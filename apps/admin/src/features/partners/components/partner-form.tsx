import {
  Ownerships,
  PartnerCategorySchema,
  defaultOwnership,
  type Ownership,
  type Partner,
  type PartnerCategory,
} from '@pardev/contracts';
import { Select, TagsInput, TextInput, Textarea } from '@mantine/core';
import { useForm, type FormErrors, type UseFormReturnType } from '@mantine/form';
import { useEffect, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n/i18n';
import type { ApiError } from '../../../lib/api-error';
import { clearButtonProps } from '../../../lib/clear-button';
import { countryOptions } from '../../../lib/countries';
import {
  applyServerFieldErrors,
  type FieldLabelKeys,
  type ValidationDescriptor,
} from '../../../lib/form-validation';
import {
  organisationTypeOptions,
  ownershipLabelKey,
  partnerCategoryLabelKey,
  partnerStatusLabelKey,
} from '../../../lib/reference-labels';
import { ParentPartnerSelect } from './parent-partner-select';

// What the create and the edit form share: the profile's fields, their values, their validation
// behaviour and the placing of the server's field errors.

/** The statuses a person sets (BLOCKED follows from the due diligence). */
export const SettableStatuses = ['PROSPECT', 'ACTIVE', 'INACTIVE'] as const;
export type SettableStatus = (typeof SettableStatuses)[number];

export interface PartnerFormValues {
  name: string;
  acronym: string;
  legalName: string;
  iatiIdentifier: string;
  organisationType: string | null;
  category: PartnerCategory | null;
  /** null: the category's default (until the user chooses). */
  ownership: Ownership | null;
  country: string | null;
  parentPartnerId: string | null;
  /** null: left as it is (a blocked partner's status underneath is not known here). */
  status: SettableStatus | null;
  tags: string[];
  notes: string;
}

/** The profile fields in the order they are shown. */
export const partnerProfileFields = [
  'name',
  'acronym',
  'legalName',
  'iatiIdentifier',
  'organisationType',
  'category',
  'ownership',
  'country',
  'region',
  'parentPartnerId',
  'status',
  'tags',
  'notes',
] as const;

export const emptyPartnerValues: PartnerFormValues = {
  name: '',
  acronym: '',
  legalName: '',
  iatiIdentifier: '',
  organisationType: null,
  category: null,
  ownership: null,
  country: null,
  parentPartnerId: null,
  status: 'ACTIVE',
  tags: [],
  notes: '',
};

const isSettableStatus = (status: string): status is SettableStatus =>
  (SettableStatuses as readonly string[]).includes(status);

/** A partner's profile as form values (an input shows "none" as empty). */
export const partnerFormValues = (partner: Partner): PartnerFormValues => ({
  name: partner.name,
  acronym: partner.acronym ?? '',
  legalName: partner.legalName ?? '',
  iatiIdentifier: partner.iatiIdentifier ?? '',
  organisationType: partner.organisationType,
  category: partner.category,
  ownership: partner.ownership,
  country: partner.country,
  parentPartnerId: partner.parentPartnerId,
  status: isSettableStatus(partner.status) ? partner.status : null,
  tags: partner.tags,
  notes: partner.notes ?? '',
});

export const partnerFieldLabelKeys = {
  name: 'partners.fields.name',
  acronym: 'partners.fields.acronym',
  legalName: 'partners.fields.legalName',
  iatiIdentifier: 'partners.fields.iatiIdentifier',
  organisationType: 'partners.fields.organisationType',
  category: 'partners.fields.category',
  ownership: 'partners.fields.ownership',
  country: 'partners.fields.country',
  parentPartnerId: 'partners.fields.parentPartner',
  status: 'partners.fields.status',
  tags: 'partners.fields.tags',
  notes: 'partners.fields.notes',
} as const satisfies FieldLabelKeys;

export const isPartnerFormField = (field: string): field is keyof PartnerFormValues =>
  Object.hasOwn(partnerFieldLabelKeys, field);

/** Form values as the contract expects them: an empty optional input means "none". */
const orNull = (text: string): string | null => (text.trim() === '' ? null : text);

export const toPartnerInput = (values: PartnerFormValues) => ({
  name: values.name,
  acronym: orNull(values.acronym),
  legalName: orNull(values.legalName),
  iatiIdentifier: orNull(values.iatiIdentifier),
  organisationType: values.organisationType,
  category: values.category,
  ownership: values.ownership ?? (values.category === null ? undefined : defaultOwnership(values.category)),
  country: values.country,
  parentPartnerId: values.parentPartnerId,
  status: values.status ?? undefined,
  tags: values.tags,
  notes: orNull(values.notes),
});

const duplicateOf = (error: ApiError): Readonly<Record<string, ValidationDescriptor>> => {
  if (error.code !== 'PARTNER_ALREADY_EXISTS') return {};
  const fallback = error.detail ?? error.title;
  return error.fieldErrors.some((fieldError) => fieldError.field === 'iatiIdentifier')
    ? { iatiIdentifier: { key: 'validation.iatiIdentifierTaken', fallback } }
    : { name: { key: 'validation.alreadyExists', fallback } };
};

/** Puts the server's field errors beside their fields, and a duplicate name or identifier on its field. */
export const applyPartnerServerErrors = <V extends PartnerFormValues>(
  form: UseFormReturnType<V>,
  error: ApiError,
): void => applyServerFieldErrors(form, error, partnerFieldLabelKeys, duplicateOf(error));

/** A partner form validated as the user types, with the contract's rules. */
export const usePartnerForm = <V extends PartnerFormValues>(
  initialValues: V,
  validate: (values: V) => FormErrors,
): UseFormReturnType<V> => {
  const form = useForm<V>({
    initialValues,
    validate,
    validateInputOnChange: true,
    validateInputOnBlur: true,
  });
  // The contract's country rule depends on the category (and runs once the other fields are
  // valid), so the country is rechecked whenever any value changes, not only its own.
  const { values, validateField } = form;
  useEffect(() => {
    if (values.category !== null) validateField('country');
  }, [values, validateField]);
  return form;
};

/** The profile's inputs, for registering a partner and for editing one. */
export const PartnerFields = <V extends PartnerFormValues>({
  form,
  partnerId,
  afterIdentity,
}: {
  form: UseFormReturnType<V>;
  /** The partner being edited (not offered as its own parent). */
  partnerId?: string;
  /** Shown below the name and identifier, e.g. a warning of likely duplicates. */
  afterIdentity?: ReactNode;
}) => {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const organisationTypes = useMemo(() => organisationTypeOptions(language), [language]);
  const countries = useMemo(() => countryOptions(language), [language]);
  const categories = PartnerCategorySchema.options.map((category) => ({
    value: category,
    label: t(partnerCategoryLabelKey(category)),
  }));
  const ownerships = Ownerships.map((ownership) => ({
    value: ownership,
    label: t(ownershipLabelKey(ownership)),
  }));
  const statuses = SettableStatuses.map((status) => ({
    value: status,
    label: t(partnerStatusLabelKey(status)),
  }));
  const { category, ownership } = form.getValues();
  const parent = form.getInputProps('parentPartnerId');
  const tagsInput = form.getInputProps('tags');

  return (
    <>
      <TextInput
        label={t('partners.fields.name')}
        required
        data-autofocus
        autoComplete="off"
        {...form.getInputProps('name')}
      />
      <TextInput
        label={t('partners.fields.acronym')}
        description={t('partners.create.acronymDescription')}
        autoComplete="off"
        {...form.getInputProps('acronym')}
      />
      <TextInput
        label={t('partners.fields.legalName')}
        autoComplete="off"
        {...form.getInputProps('legalName')}
      />
      <TextInput
        label={t('partners.fields.iatiIdentifier')}
        description={t('partners.create.iatiDescription')}
        autoComplete="off"
        {...form.getInputProps('iatiIdentifier')}
      />
      {afterIdentity}
      <Select
        label={t('partners.fields.organisationType')}
        placeholder={t('partners.create.organisationTypePlaceholder')}
        required
        data={organisationTypes}
        allowDeselect={false}
        {...form.getInputProps('organisationType')}
      />
      <Select
        label={t('partners.fields.category')}
        placeholder={t('partners.create.categoryPlaceholder')}
        required
        data={categories}
        allowDeselect={false}
        {...form.getInputProps('category')}
      />
      <Select
        label={t('partners.fields.ownership')}
        data={ownerships}
        allowDeselect={false}
        {...form.getInputProps('ownership')}
        // Until the user chooses, the category's default is shown (and sent).
        value={ownership ?? (category === null ? null : defaultOwnership(category))}
      />
      <Select
        label={t('partners.fields.country')}
        description={t('partners.create.countryDescription')}
        placeholder={t('partners.create.countryPlaceholder')}
        data={countries}
        searchable
        clearable
        clearButtonProps={clearButtonProps(t('partners.create.clearCountry'))}
        nothingFoundMessage={t('partners.create.noCountry')}
        {...form.getInputProps('country')}
      />
      <ParentPartnerSelect
        value={form.getValues().parentPartnerId}
        onChange={parent.onChange as (value: string | null) => void}
        onBlur={parent.onBlur as () => void}
        error={parent.error as ReactNode}
        exceptId={partnerId}
      />
      <Select
        label={t('partners.fields.status')}
        description={t('partners.create.statusDescription')}
        data={statuses}
        allowDeselect={false}
        {...form.getInputProps('status')}
      />
      <TagsInput
        label={t('partners.fields.tags')}
        description={t('partners.create.tagsDescription')}
        maxTags={20}
        clearable
        {...tagsInput}
        onChange={(tags: string[]) => tagsInput.onChange(tags.map((tag) => tag.toLowerCase()))}
      />
      <Textarea
        label={t('partners.fields.notes')}
        autosize
        minRows={2}
        maxRows={8}
        {...form.getInputProps('notes')}
      />
    </>
  );
};
