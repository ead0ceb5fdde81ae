import { PartnerCategorySchema, type Partner, type PartnerCategory } from '@pardev/contracts';
import { Select, TextInput } from '@mantine/core';
import { useForm, type FormErrors, type UseFormReturnType } from '@mantine/form';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n/i18n';
import type { ApiError } from '../../../lib/api-error';
import { clearButtonProps } from '../../../lib/clear-button';
import { countryOptions } from '../../../lib/countries';
import { applyServerFieldErrors, type FieldLabelKeys } from '../../../lib/form-validation';
import { organisationTypeOptions, partnerCategoryLabelKey } from '../../../lib/reference-labels';

// What the create and the edit form share: the profile's fields, their values, their validation
// behaviour and the placing of the server's field errors.

export interface PartnerFormValues {
  name: string;
  acronym: string;
  organisationType: string | null;
  category: PartnerCategory | null;
  country: string | null;
}

/** The profile fields in the order they are shown. */
export const partnerProfileFields = ['name', 'acronym', 'organisationType', 'category', 'country'] as const;

export const emptyPartnerValues: PartnerFormValues = {
  name: '',
  acronym: '',
  organisationType: null,
  category: null,
  country: null,
};

/** A partner's profile as form values (an input shows "none" as empty). */
export const partnerFormValues = (partner: Partner): PartnerFormValues => ({
  name: partner.name,
  acronym: partner.acronym ?? '',
  organisationType: partner.organisationType,
  category: partner.category,
  country: partner.country,
});

export const partnerFieldLabelKeys = {
  name: 'partners.fields.name',
  acronym: 'partners.fields.acronym',
  organisationType: 'partners.fields.organisationType',
  category: 'partners.fields.category',
  country: 'partners.fields.country',
} as const satisfies FieldLabelKeys;

export const isPartnerFormField = (field: string): field is keyof PartnerFormValues =>
  Object.hasOwn(partnerFieldLabelKeys, field);

/** Form values as the contract expects them: an empty optional input means "none". */
export const toPartnerInput = (values: PartnerFormValues) => ({
  name: values.name,
  acronym: values.acronym.trim() === '' ? null : values.acronym,
  organisationType: values.organisationType,
  category: values.category,
  country: values.country,
});

/** Puts the server's field errors beside their fields, and a duplicate name on the name. */
export const applyPartnerServerErrors = <V extends PartnerFormValues>(
  form: UseFormReturnType<V>,
  error: ApiError,
): void =>
  applyServerFieldErrors(
    form,
    error,
    partnerFieldLabelKeys,
    error.code === 'PARTNER_ALREADY_EXISTS'
      ? { name: { key: 'validation.alreadyExists', fallback: error.detail ?? error.title } }
      : {},
  );

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
export const PartnerFields = <V extends PartnerFormValues>({ form }: { form: UseFormReturnType<V> }) => {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const organisationTypes = useMemo(() => organisationTypeOptions(language), [language]);
  const countries = useMemo(() => countryOptions(language), [language]);
  const categories = PartnerCategorySchema.options.map((category) => ({
    value: category,
    label: t(partnerCategoryLabelKey(category)),
  }));

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
    </>
  );
};
