import {
  PartnerCategorySchema,
  RegisterPartnerRequestSchema,
  type Partner,
  type PartnerCategory,
} from '@pardev/contracts';
import { Alert, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorReference } from '../../../components/error-reference';
import { currentLanguage } from '../../../i18n/i18n';
import { isApiError, type ApiError } from '../../../lib/api-error';
import { apiErrorMessageKey } from '../../../lib/api-error-message';
import { countryOptions } from '../../../lib/countries';
import {
  describeServerFieldError,
  describeWithSchema,
  toFormErrors,
  type FieldLabelKeys,
  type ValidationDescriptor,
} from '../../../lib/form-validation';
import { organisationTypeOptions } from '../../../lib/reference-labels';
import { useRegisterPartner } from '../api/register-partner';
import { categoryLabelKey } from './partner-category-label';

export interface PartnerFormValues {
  name: string;
  acronym: string;
  organisationType: string | null;
  category: PartnerCategory | null;
  country: string | null;
}

const emptyValues: PartnerFormValues = {
  name: '',
  acronym: '',
  organisationType: null,
  category: null,
  country: null,
};

const fieldLabelKeys = {
  name: 'partners.fields.name',
  acronym: 'partners.fields.acronym',
  organisationType: 'partners.fields.organisationType',
  category: 'partners.fields.category',
  country: 'partners.fields.country',
} as const satisfies FieldLabelKeys;

const isFormField = (field: string): field is keyof PartnerFormValues => Object.hasOwn(fieldLabelKeys, field);

/** Form values as the contract expects them: an empty optional input means "none". */
export const toRegisterInput = (values: PartnerFormValues) => ({
  name: values.name,
  acronym: values.acronym.trim() === '' ? null : values.acronym,
  organisationType: values.organisationType,
  category: values.category,
  country: values.country,
});

const describeIssues = describeWithSchema(RegisterPartnerRequestSchema, toRegisterInput);
const validate = (values: PartnerFormValues) => toFormErrors(describeIssues(values), fieldLabelKeys);

/** Puts the server's field errors beside their fields (the alert lists any that name no field). */
const applyServerErrors = (form: UseFormReturnType<PartnerFormValues>, error: ApiError): void => {
  const descriptors: Record<string, ValidationDescriptor> = {};
  for (const fieldError of error.fieldErrors) {
    if (isFormField(fieldError.field)) descriptors[fieldError.field] ??= describeServerFieldError(fieldError);
  }
  if (error.code === 'PARTNER_ALREADY_EXISTS') {
    descriptors['name'] ??= { key: 'validation.alreadyExists', fallback: error.detail ?? error.title };
  }
  form.setErrors((current) => ({ ...current, ...toFormErrors(descriptors, fieldLabelKeys) }));
};

interface CreatePartnerFormProps {
  onCreated: (partner: Partner) => void;
  onCancel: () => void;
}

export const CreatePartnerForm = ({ onCreated, onCancel }: CreatePartnerFormProps) => {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const register = useRegisterPartner();
  const form = useForm<PartnerFormValues>({
    initialValues: emptyValues,
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

  const organisationTypes = useMemo(() => organisationTypeOptions(language), [language]);
  const countries = useMemo(() => countryOptions(language), [language]);
  const categories = PartnerCategorySchema.options.map((category) => ({
    value: category,
    label: t(categoryLabelKey(category)),
  }));

  const serverError = isApiError(register.error) ? register.error : undefined;
  const unplacedErrors =
    serverError?.fieldErrors.filter((fieldError) => !isFormField(fieldError.field)) ?? [];

  const submit = form.onSubmit((submitted) => {
    // The parsed (trimmed, normalised) values are what the server would derive anyway.
    const body = RegisterPartnerRequestSchema.parse(toRegisterInput(submitted));
    register.mutate(body, {
      onSuccess: (partner) => {
        notifications.show({
          color: 'green',
          title: t('partners.create.createdTitle'),
          message: t('partners.create.created', { name: partner.name }),
        });
        onCreated(partner);
      },
      onError: (error) => {
        if (isApiError(error)) applyServerErrors(form, error);
      },
    });
  });

  return (
    <form noValidate onSubmit={submit} aria-describedby={serverError ? 'create-partner-error' : undefined}>
      <Stack gap="md">
        {register.isError && (
          <Alert
            id="create-partner-error"
            color="red"
            variant="light"
            role="alert"
            title={t('partners.create.failed')}
          >
            <Stack gap={4}>
              <Text size="sm">{t(apiErrorMessageKey(register.error))}</Text>
              {unplacedErrors.map((fieldError) => (
                <Text size="sm" key={`${fieldError.field}-${fieldError.rule}`}>
                  {fieldError.field}: {fieldError.message}
                </Text>
              ))}
              <Text size="sm">{t('partners.create.inputKept')}</Text>
              <ErrorReference correlationId={serverError?.correlationId} />
            </Stack>
          </Alert>
        )}
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
          // Mantine hides the clear button from assistive tech; it is the only way to say "no country".
          clearButtonProps={{
            'aria-label': t('partners.create.clearCountry'),
            'aria-hidden': false,
            tabIndex: 0,
          }}
          nothingFoundMessage={t('partners.create.noCountry')}
          {...form.getInputProps('country')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={register.isPending}>
            {t('partners.create.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};
