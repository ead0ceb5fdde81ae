import { PartnerSchema } from '@pardev/contracts';
import { describe, expect, it } from 'vitest';
import { mockFetch, partnerFixture } from '../testing/test-utils';
import { ApiError, apiRequest, buildUrl } from './api-client';

describe('apiRequest', () => {
  it('sends JSON with the session cookie and parses the response with its contract', async () => {
    const fetchMock = mockFetch(() => ({ status: 201, body: partnerFixture() }));
    const partner = await apiRequest('/api/v1/partners', {
      method: 'POST',
      body: { name: 'x' },
      schema: PartnerSchema,
    });
    expect(partner.acronym).toBe('SIDA');
    const [, init] = fetchMock.mock.calls[0] ?? [];
    expect(init?.credentials).toBe('same-origin');
    expect(init?.method).toBe('POST');
    expect(new Headers(init?.headers).get('content-type')).toBe('application/json');
  });

  it('turns a problem+json response into an ApiError with code, field errors and correlation id', async () => {
    mockFetch(() => ({
      status: 400,
      contentType: 'application/problem+json',
      body: {
        type: 'https://pardev.example/problems/validation',
        title: 'Validation failed',
        status: 400,
        code: 'VALIDATION_FAILED',
        correlationId: 'corr-123',
        errors: [{ field: 'country', rule: 'custom', message: 'is not a country in the ISO 3166-1 list' }],
      },
    }));
    const error = await apiRequest('/api/v1/partners', { method: 'POST', body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(400);
    expect(apiError.code).toBe('VALIDATION_FAILED');
    expect(apiError.correlationId).toBe('corr-123');
    expect(apiError.fieldErrors).toEqual([
      { field: 'country', rule: 'custom', message: 'is not a country in the ISO 3166-1 list' },
    ]);
  });

  it('gives a code and the header correlation id to errors that are not problems', async () => {
    mockFetch(() => ({ status: 503, body: 'upstream down', headers: { 'x-correlation-id': 'corr-9' } }));
    const error = (await apiRequest('/health').catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('SERVICE_UNAVAILABLE');
    expect(error.correlationId).toBe('corr-9');
  });

  it('reports a response that breaks its contract', async () => {
    mockFetch(() => ({ body: { id: 'not-a-uuid' } }));
    const error = (await apiRequest('/api/v1/partners/1', { schema: PartnerSchema }).catch(
      (e: unknown) => e,
    )) as ApiError;
    expect(error.code).toBe('INTERNAL');
  });

  it('turns a network failure into SERVICE_UNAVAILABLE', async () => {
    mockFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    const error = (await apiRequest('/api/v1/auth/me').catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(0);
    expect(error.code).toBe('SERVICE_UNAVAILABLE');
  });
});

describe('buildUrl', () => {
  it('leaves out empty parameters', () => {
    expect(buildUrl('/api/v1/partners', { q: '', page: 2, pageSize: undefined })).toBe(
      '/api/v1/partners?page=2',
    );
  });
});
