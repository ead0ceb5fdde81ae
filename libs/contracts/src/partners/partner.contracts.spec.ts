import { describe, expect, it } from 'vitest';
import { toFieldErrors } from '../common/problem';
import { ListPartnersQuerySchema, RegisterPartnerRequestSchema } from './partner.contracts';

const valid = {
  name: 'Swiss Agency for Development and Cooperation',
  acronym: 'SDC',
  organisationType: '10',
  category: 'GOVERNMENT_OECD_DAC',
  country: 'CH',
};

describe('RegisterPartnerRequestSchema', () => {
  it('accepts a complete partner and trims text', () => {
    expect(RegisterPartnerRequestSchema.parse({ ...valid, name: '  SDC HQ  ' }).name).toBe('SDC HQ');
  });

  it('treats an absent acronym or country as null', () => {
    const parsed = RegisterPartnerRequestSchema.parse({
      name: 'UNDP',
      organisationType: '40',
      category: 'UN_ENTITY',
    });
    expect(parsed).toMatchObject({ acronym: null, country: null });
  });

  it('names each bad field and the rule it breaks', () => {
    const result = RegisterPartnerRequestSchema.safeParse({
      name: '',
      organisationType: '99',
      category: 'DONOR',
      country: 'ch',
    });
    expect(result.success).toBe(false);
    const errors = toFieldErrors(result.error!);
    expect(errors.map((e) => e.field).sort()).toEqual(['category', 'country', 'name', 'organisationType']);
    expect(errors.find((e) => e.field === 'organisationType')?.message).toContain('IATI OrganisationType');
  });

  it('refuses a country code that is not in ISO 3166-1', () => {
    const result = RegisterPartnerRequestSchema.safeParse({ ...valid, country: 'XX' });
    expect(toFieldErrors(result.error!)).toEqual([
      expect.objectContaining({ field: 'country', message: 'is not a country in the ISO 3166-1 list' }),
    ]);
  });

  it('requires a country for a government partner', () => {
    const result = RegisterPartnerRequestSchema.safeParse({ ...valid, country: null });
    expect(toFieldErrors(result.error!)).toEqual([
      expect.objectContaining({ field: 'country', rule: 'required_for_category' }),
    ]);
  });
});

describe('ListPartnersQuerySchema', () => {
  it('coerces query-string numbers and caps the page size at 100', () => {
    expect(ListPartnersQuerySchema.parse({ page: '2', pageSize: '50' })).toEqual({
      page: 2,
      pageSize: 50,
      sort: 'name',
    });
    expect(ListPartnersQuerySchema.safeParse({ pageSize: '101' }).success).toBe(false);
    expect(ListPartnersQuerySchema.parse({})).toEqual({ page: 1, pageSize: 20, sort: 'name' });
    expect(ListPartnersQuerySchema.parse({ tag: ' SSTC ', region: 'ARAB_STATES' })).toMatchObject({
      tag: 'sstc',
      region: 'ARAB_STATES',
    });
  });
});
