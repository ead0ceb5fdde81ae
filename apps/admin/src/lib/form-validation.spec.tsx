import { RegisterPartnerRequestSchema } from '@pardev/contracts';
import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n/i18n';
import { describeServerFieldError, describeWithSchema, toFormErrors } from './form-validation';

const valid = { name: 'ILO', acronym: null, organisationType: '40', category: 'UN_ENTITY', country: null };
const describe_ = describeWithSchema(
  RegisterPartnerRequestSchema,
  (values: Record<string, unknown>) => values,
);

describe('describeWithSchema', () => {
  it('finds nothing wrong with valid values', () => {
    expect(describe_(valid)).toEqual({});
  });

  it('maps zod issue codes onto translatable rules, keeping the schema message as fallback', () => {
    const result = describe_({ ...valid, name: '', organisationType: '99' });
    expect(result['name']).toEqual({ key: 'validation.required', fallback: 'is required' });
    expect(result['organisationType']?.key).toBe('validation.chooseFromList');
    expect(result['name']?.fallback).toBe('is required');
  });

  it('asks to fill in an empty input whatever rule it breaks', () => {
    const result = describe_({ ...valid, organisationType: null, category: '' });
    expect(result['organisationType']?.key).toBe('validation.required');
    expect(result['category']?.key).toBe('validation.required');
  });

  it('names the cross-field rule of the contract (country required for a State partner)', () => {
    const result = describe_({ ...valid, category: 'GOVERNMENT_OECD_DAC' });
    expect(result['country']?.key).toBe('validation.countryRequiredForCategory');
  });

  it('falls back to the schema message for a rule it has no sentence for (unknown country)', () => {
    const result = describe_({ ...valid, country: 'XX' });
    expect(result['country']).toEqual({
      key: undefined,
      fallback: 'is not a country in the ISO 3166-1 list',
    });
  });

  it('keeps the maximum length as a parameter', () => {
    const result = describe_({ ...valid, acronym: 'A'.repeat(31) });
    expect(result['acronym']).toMatchObject({ key: 'validation.tooLong', values: { maximum: 30 } });
  });
});

describe('toFormErrors', () => {
  it('renders messages in the current language, naming the field in fallbacks', async () => {
    const i18n = createI18n('fr');
    const errors = toFormErrors(
      {
        country: { key: undefined, fallback: 'is not a country in the ISO 3166-1 list' },
        name: describeServerFieldError({ field: 'name', rule: 'invalid_type', message: 'is required' }),
      },
      { country: 'partners.fields.country', name: 'partners.fields.name' },
    );
    render(
      <I18nextProvider i18n={i18n}>
        <p>{errors['country']}</p>
        <p>{errors['name']}</p>
      </I18nextProvider>,
    );
    expect(screen.getByText('Pays : is not a country in the ISO 3166-1 list')).toBeTruthy();
    expect(screen.getByText('Ce champ est obligatoire.')).toBeTruthy();
    await i18n.changeLanguage('en');
    expect(await screen.findByText('This field is required.')).toBeTruthy();
  });
});
