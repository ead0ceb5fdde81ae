import { busKinds, testActorKeys } from '@pardev/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
  eventually,
  signIn,
  startSystemUnderTest,
  type SystemUnderTest,
} from '../support/system-under-test';

describe.each(busKinds())('partner directories across services (%s bus)', (kind) => {
  let sut: SystemUnderTest;

  beforeAll(async () => {
    // Everything the apps can log, so the last test can look for secrets in it.
    sut = await startSystemUnderTest(kind, 'verbose');
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

  it('never writes a password, session token, cookie or the actor signing key to the logs', async () => {
    const response = await fetch(`${sut.system.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    const token = (response.headers.get('set-cookie') ?? '').split(';')[0]!.split('=')[1]!;
    const cookie = `pardev_session=${token}`;
    await fetch(`${sut.system.baseUrl}/api/v1/partners`, { headers: { cookie } });
    // A signed command and its audit entry, so the logs hold every kind of traffic.
    const json = { cookie, 'content-type': 'application/json' };
    const created = await fetch(`${sut.system.baseUrl}/api/v1/partners`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ name: 'Log Test Foundation', organisationType: '60', category: 'FOUNDATION' }),
    });
    const partner = (await created.json()) as { id: string; version: number };
    const updated = await fetch(`${sut.system.baseUrl}/api/v1/partners/${partner.id}`, {
      method: 'PUT',
      headers: json,
      body: JSON.stringify({
        name: 'Log Test Foundation',
        acronym: 'LTF',
        organisationType: '60',
        category: 'FOUNDATION',
        version: partner.version,
      }),
    });
    expect(updated.status).toBe(200);
    await fetch(`${sut.system.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: ADMIN.email, password: 'a wrong password to log' }),
    });
    expect(token.length).toBeGreaterThan(20);
    expect(sut.logs.length).toBeGreaterThan(20);
    const leaks = sut.logs.filter(
      (line) =>
        line.includes(ADMIN.password) ||
        line.includes(token) ||
        line.includes('a wrong password to log') ||
        line.includes(testActorKeys.signingKey),
    );
    expect(leaks).toEqual([]);
  });
});
