import {
  ErrorCode,
  GetPartnerRequestSchema,
  ListPartnersQuerySchema,
  RegisterPartnerRequestSchema,
} from '@pardev/contracts';
import { DomainError } from '@pardev/messaging';
import { describe, expect, it } from 'vitest';
import { ZodValidationPipe } from './zod-validation.pipe';

const failureOf = (run: () => unknown): DomainError => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a validation failure');
};

describe('ZodValidationPipe', () => {
  it('returns the parsed value, with defaults and coercion applied', () => {
    const pipe = new ZodValidationPipe(ListPartnersQuerySchema);
    expect(pipe.transform({ page: '2', q: ' ilo ' })).toEqual({
      page: 2,
      pageSize: 20,
      q: 'ilo',
      sort: 'name',
    });
  });

  it('names every bad field of a partner registration', () => {
    const pipe = new ZodValidationPipe(RegisterPartnerRequestSchema);
    const error = failureOf(() =>
      pipe.transform({
        name: 'Ministry of Labour',
        organisationType: '999',
        category: 'GOVERNMENT_OECD_DAC',
        country: 'XX',
      }),
    );
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.errors.map((e) => e.field).sort()).toEqual(['country', 'organisationType']);
    expect(error.errors.every((e) => e.rule.length > 0 && e.message.length > 0)).toBe(true);
  });

  it('names the id of a malformed partner id', () => {
    const error = failureOf(() =>
      new ZodValidationPipe(GetPartnerRequestSchema).transform({ id: 'not-a-uuid' }),
    );
    expect(error.errors).toEqual([expect.objectContaining({ field: 'id', message: 'must be a UUID' })]);
  });

  it('reports a missing body at the root', () => {
    const error = failureOf(() => new ZodValidationPipe(RegisterPartnerRequestSchema).transform(undefined));
    expect(error.errors[0]?.field).toBe('(root)');
  });
});
