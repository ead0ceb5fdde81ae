import { busKinds } from '@pardev/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, signIn, startSystemUnderTest, type SystemUnderTest } from '../support/system-under-test';

describe.each(busKinds())('partner directories across services (%s bus)', (kind) => {
  let sut: SystemUnderTest;

  beforeAll(async () => {
    sut = await startSystemUnderTest(kind);
  });

  afterAll(async () => {
    await sut?.stop();
  });

  it('shows a partner registered through the gateway in the agreements and results directories', async () => {
    const http = await signIn(sut.system.baseUrl);
    const name = `Ministry of Labour of Ghana ${Date.now()}`;
    const created = await http.post('/api/v1/partners', {
      name,
      acronym: 'MELR',
      organisationType: '10',
      category: 'DOMESTIC_FUNDING',
      country: 'GH',
    });
    expect(created.status).toBe(201);
    const partner = (await created.json()) as { id: string; version: number };

    const option = await eventually(
      async () => {
        const response = await http.get(`/api/v1/agreements/partner-options?q=${encodeURIComponent(name)}`);
        const page = (await response.json()) as { items: { id: string; name: string }[] };
        return page.items.find((item) => item.id === partner.id);
      },
      10_000,
      'the partner in agreements-service',
    );
    expect(option).toMatchObject({
      id: partner.id,
      name,
      acronym: 'MELR',
      category: 'DOMESTIC_FUNDING',
      country: 'GH',
    });

    const entry = await eventually(
      async () => {
        const page = await sut.bus.request('results.partner-directory.list', { q: name });
        return page.items.find((item) => item.id === partner.id);
      },
      10_000,
      'the partner in results-service',
    );
    expect(entry).toMatchObject({ id: partner.id, name, category: 'DOMESTIC_FUNDING', country: 'GH' });
  });

  it('refuses an invalid partner with a problem naming each bad field, and nothing is registered', async () => {
    const http = await signIn(sut.system.baseUrl);
    const response = await http.post('/api/v1/partners', {
      name: '',
      organisationType: '99',
      category: 'GOVERNMENT_OECD_DAC',
      country: 'XX',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await response.json()) as { code: string; errors: { field: string }[] };
    expect(problem.code).toBe('VALIDATION_FAILED');
    expect(problem.errors.map((e) => e.field).sort()).toEqual(['country', 'name', 'organisationType']);
    const list = (await (await http.get('/api/v1/partners?pageSize=100')).json()) as { total: number };
    expect(list.total).toBe(1);
  });
});
