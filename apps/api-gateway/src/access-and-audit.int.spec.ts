import type { AuditViewPage, Partner, Role, User } from '@pardev/contracts';
import { newId } from '@pardev/persistence';
import { type BusKind, type DatabaseKind } from '@pardev/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from './openapi/api-routes';
import {
  HARNESS_ADMIN,
  problemOf,
  startGatewayHarness,
  type GatewayHarness,
  type Method,
} from './testing/gateway-harness';

// Embedded bus + PGlite always; NATS + PostgreSQL as well when CI provides them (and only then a
// second gateway replica: PGlite has one owner).
const combinations = (): [BusKind, DatabaseKind][] => {
  const runs: [BusKind, DatabaseKind][] = [['embedded', 'pglite']];
  if (process.env.TEST_NATS_URL && process.env.TEST_DATABASE_URL) runs.push(['nats', 'postgres']);
  return runs;
};

const PASSWORD = 'correct horse battery staple';

/** How long until `request` refuses the session (waits up to 10 s; the cache would keep it 60 s). */
const msUntilRefused = async (request: GatewayHarness['request'], cookie: string): Promise<number> => {
  const started = Date.now();
  for (;;) {
    const status = (await request('GET', '/api/v1/auth/me', { cookie })).statusCode;
    if (status !== 200 || Date.now() - started > 10_000) {
      expect(status).toBe(401);
      return Date.now() - started;
    }
    // Injected requests never wait for I/O; real ones do, and that is when a notice is read.
    await new Promise((resolve) => setImmediate(resolve));
  }
};

describe.each(combinations())('object-level access and the audit trail (%s bus, %s)', (busKind, dbKind) => {
  let harness: GatewayHarness;
  let adminCookie: string;
  const people = {} as Record<
    'officerA' | 'officerB' | 'viewer' | 'auditor' | 'finance',
    User & { cookie: string }
  >;

  const as = (cookie: string) => ({
    get: (url: string) => harness.request('GET', url, { cookie }),
    send: (method: Method, url: string, body: unknown) => harness.request(method, url, { cookie, body }),
  });
  const invite = async (key: keyof typeof people, roles: Role[]) => {
    const email = `${key}.${newId().slice(-6)}@ilo.org`;
    const created = await as(adminCookie).send('POST', '/api/v1/users', {
      email,
      displayName: `${key} person`,
      roles,
      password: PASSWORD,
    });
    expect(created.statusCode, created.body).toBe(201);
    people[key] = { ...created.json<User>(), cookie: await harness.login(email, PASSWORD) };
  };
  const registerAs = async (cookie: string): Promise<Partner> => {
    const response = await as(cookie).send('POST', '/api/v1/partners', {
      name: `Fundación ${newId().slice(-8)}`,
      organisationType: '60',
      category: 'FOUNDATION',
      country: 'ES',
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<Partner>();
  };
  const trail = async (cookie: string, query: string): Promise<AuditViewPage> => {
    const response = await as(cookie).get(`/api/v1/audit?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<AuditViewPage>();
  };

  // A valid body for every state-changing route that takes a partner id: a new route must be
  // added here, or the test below fails (so none escapes the object-level check).
  const bodies: Record<string, (partner: Partner) => Record<string, unknown>> = {
    'put /api/v1/partners/{id}': (p) => ({
      name: p.name,
      acronym: 'CHG',
      organisationType: p.organisationType,
      category: p.category,
      country: p.country,
      version: p.version,
    }),
    'put /api/v1/partners/{id}/responsibility': (p) => ({
      version: p.version,
      responsibleOfficerId: p.responsibleOfficerId,
      delegateIds: [],
    }),
    'post /api/v1/partners/{id}/checks': () => ({
      type: 'REPUTATIONAL',
      result: 'CLEAR',
      checkedOn: new Date().toISOString().slice(0, 10),
      evidence: 'press review',
    }),
    'post /api/v1/partners/{id}/flags': () => ({
      level: 'OBSERVATION',
      category: 'OTHER',
      comment: 'to watch',
    }),
    'post /api/v1/partners/{id}/flags/{flagId}/resolve': () => ({ resolution: 'no longer relevant' }),
    'post /api/v1/partners/{id}/contacts': () => ({
      name: 'Ingrid Berg',
      role: 'Senior adviser',
      focalPoint: true,
    }),
    'put /api/v1/partners/{id}/contacts/{contactId}': () => ({
      name: 'Ingrid Berg',
      authorisedSignatory: true,
    }),
    'delete /api/v1/partners/{id}/contacts/{contactId}': () => ({}),
  };
  // Ids other than the partner's that a route takes: made by officer A (who may) beforehand.
  const otherIds = async (path: string, partner: Partner): Promise<Record<string, string>> => {
    if (path.includes('{contactId}')) {
      const added = await as(people.officerA.cookie).send('POST', `/api/v1/partners/${partner.id}/contacts`, {
        name: 'Per Hansen',
      });
      return { contactId: added.json<{ items: { id: string }[] }>().items[0]!.id };
    }
    if (!path.includes('{flagId}')) return {};
    const raised = await as(people.officerA.cookie).send('POST', `/api/v1/partners/${partner.id}/flags`, {
      level: 'YELLOW',
      category: 'OTHER',
      comment: 'to be resolved',
    });
    return { flagId: raised.json<{ flags: { id: string }[] }>().flags[0]!.id };
  };
  const partnerRoutesWithId = apiRoutes.filter((r) => r.path.startsWith('/api/v1/partners/{id}'));

  beforeAll(async () => {
    // A long session cache: a replica that missed a revocation would go on answering for a minute.
    // TRUST_PROXY: the HTTPS test below comes "through a proxy" (X-Forwarded-Proto).
    harness = await startGatewayHarness(busKind, dbKind, {
      SESSION_CACHE_MS: '60000',
      TRUST_PROXY: 'loopback',
    });
    adminCookie = await harness.login(HARNESS_ADMIN.email, HARNESS_ADMIN.password);
    await invite('officerA', ['officer']);
    await invite('officerB', ['officer']);
    await invite('viewer', ['viewer']);
    await invite('auditor', ['auditor']);
    await invite('finance', ['finance']);
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('lets officer B change nothing of officer A’s partner, on every route that takes its id, and A everything', async () => {
    const changing = partnerRoutesWithId.filter((r) => r.method !== 'get');
    expect(changing.map((r) => `${r.method} ${r.path}`).sort()).toEqual(Object.keys(bodies).sort());
    for (const route of changing) {
      const partner = await registerAs(people.officerA.cookie);
      const ids: Record<string, string> = { id: partner.id, ...(await otherIds(route.path, partner)) };
      const url = route.path.replace(/\{(\w+)\}/g, (_, name: string) => ids[name]!);
      const method = route.method.toUpperCase() as Method;
      const body = bodies[`${route.method} ${route.path}`]!(partner);
      const refused = await as(people.officerB.cookie).send(
        method,
        url,
        method === 'DELETE' ? undefined : body,
      );
      expect(refused.statusCode, `${route.path} as officer B`).toBe(403);
      expect(problemOf(refused).code).toBe('FORBIDDEN');
      const allowed = await as(people.officerA.cookie).send(
        method,
        url,
        method === 'DELETE' ? undefined : body,
      );
      expect(allowed.statusCode, `${route.path} as officer A: ${allowed.body}`).toBe(200);
    }
    // Reads stay open to every role, on every route that takes an id.
    const partner = await registerAs(people.officerA.cookie);
    for (const route of partnerRoutesWithId.filter((r) => r.method === 'get')) {
      for (const person of Object.values(people)) {
        const read = await as(person.cookie).get(route.path.replace('{id}', partner.id));
        expect(read.statusCode, `${route.path} as ${person.roles.join()}`).toBe(200);
      }
    }
  });

  it('lets a named delegate edit, and an admin hand a partner over, after which the old officer reads only', async () => {
    const partner = await registerAs(people.officerA.cookie);
    const url = `/api/v1/partners/${partner.id}`;
    const delegated = await as(people.officerA.cookie).send('PUT', `${url}/responsibility`, {
      version: partner.version,
      responsibleOfficerId: people.officerA.id,
      delegateIds: [people.officerB.id],
    });
    expect(delegated.statusCode).toBe(200);
    const edited = await as(people.officerB.cookie).send(
      'PUT',
      url,
      bodies['put /api/v1/partners/{id}']!(delegated.json<Partner>()),
    );
    expect(edited.statusCode, edited.body).toBe(200);
    const handedOver = await as(adminCookie).send('PUT', `${url}/responsibility`, {
      version: edited.json<Partner>().version,
      responsibleOfficerId: people.officerB.id,
      delegateIds: [],
    });
    expect(handedOver.json<Partner>()).toMatchObject({
      responsibleOfficerId: people.officerB.id,
      delegateIds: [],
    });
    const mine = await as(people.officerB.cookie).get(
      `/api/v1/partners?assignedTo=${people.officerB.id}&pageSize=100`,
    );
    expect(mine.json<{ items: Partner[] }>().items.map((p) => p.id)).toContain(partner.id);
    const stale = await as(people.officerB.cookie).send(
      'PUT',
      url,
      bodies['put /api/v1/partners/{id}']!(partner),
    );
    expect(stale.statusCode).toBe(409);
    expect(problemOf(stale).code).toBe('VERSION_CONFLICT');
    expect(
      (
        await as(people.officerA.cookie).send(
          'PUT',
          url,
          bodies['put /api/v1/partners/{id}']!(handedOver.json<Partner>()),
        )
      ).statusCode,
    ).toBe(403);
  });

  it('exports exactly what the list shows, as CSV, for any role', async () => {
    const partner = await registerAs(people.officerA.cookie);
    const filters = `q=${encodeURIComponent(partner.name)}&sort=-name`;
    const listed = await as(people.viewer.cookie).get(`/api/v1/partners?${filters}`);
    const exported = await as(people.viewer.cookie).get(`/api/v1/partners/export?${filters}`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(exported.headers['content-disposition']).toMatch(
      /^attachment; filename="partners-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const lines = exported.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toMatch(/^Name,Acronym,Legal name,IATI identifier,/);
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(
      listed.json<{ items: Partner[] }>().items.map((p) => p.name),
    );
    expect(lines[1]).toContain('officerA person');
    expect((await as(people.viewer.cookie).get('/api/v1/partners/export?region=MOON')).statusCode).toBe(400);
  });

  it('shows the history of a partner to any role, newest first, with who did it by name', async () => {
    const partner = await registerAs(people.officerA.cookie);
    await as(people.officerA.cookie).send('PUT', `/api/v1/partners/${partner.id}`, {
      ...bodies['put /api/v1/partners/{id}']!(partner),
      acronym: 'FND',
    });
    const history = await as(people.viewer.cookie).get(`/api/v1/partners/${partner.id}/history`);
    expect(history.statusCode).toBe(200);
    const page = history.json<AuditViewPage>();
    expect(page.items.map((e) => [e.action, e.actorName])).toEqual([
      ['partner.updated', 'officerA person'],
      ['partner.registered', 'officerA person'],
    ]);
    expect(page.items[0]!.changes).toEqual([{ field: 'acronym', before: null, after: 'FND' }]);
  });

  it('lets auditors and admins search the whole trail, merged from every service and identity', async () => {
    const partner = await registerAs(people.officerA.cookie);
    const byOfficer = await trail(people.auditor.cookie, `actorId=${people.officerA.id}&limit=100`);
    const actions = new Set(byOfficer.items.map((e) => `${e.source}:${e.action}`));
    expect(actions).toContain('identity:auth.signed-in');
    expect(actions).toContain('partners:partner.registered');
    expect(byOfficer.items.every((e) => e.actorId === people.officerA.id)).toBe(true);
    const ids = byOfficer.items.map((e) => e.id);
    expect(ids).toEqual([...ids].sort().reverse());

    const invitations = await trail(adminCookie, 'action=user.invited&limit=100');
    expect(invitations.items.map((e) => e.entityId)).toEqual(
      expect.arrayContaining(Object.values(people).map((p) => p.id)),
    );

    const today = new Date().toISOString().slice(0, 10);
    const ofThePartner = await trail(
      people.auditor.cookie,
      `entityType=partner&entityId=${partner.id}&from=${today}&to=${today}`,
    );
    expect(ofThePartner.items).toHaveLength(1);
    expect(await trail(people.auditor.cookie, `entityId=${partner.id}&to=2000-01-01`)).toEqual({
      items: [],
      nextCursor: null,
    });

    // Paging by cursor goes back through the whole trail without repeating an entry.
    const seen: string[] = [];
    let cursor = '';
    for (let round = 0; round < 50; round++) {
      const page = await trail(people.auditor.cookie, `limit=7${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((e) => e.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThan(14);

    for (const person of [people.viewer, people.officerA, people.finance]) {
      expect((await as(person.cookie).get('/api/v1/audit')).statusCode).toBe(403);
    }
    const badDates = await as(people.auditor.cookie).get('/api/v1/audit?from=2026-02-01&to=2026-01-01');
    expect(problemOf(badDates).errors).toEqual([
      expect.objectContaining({ field: 'to', rule: 'date_order' }),
    ]);
  });

  it('marks the session cookie Secure when the browser came over HTTPS, and not over plain HTTP', async () => {
    const signIn = (headers: Record<string, string>) =>
      harness.request('POST', '/api/v1/auth/login', {
        body: { email: people.viewer.email, password: PASSWORD },
        headers,
      });
    const overHttps = (await signIn({ 'x-forwarded-proto': 'https' })).cookies.find(
      (c) => c.name === 'pardev_session',
    );
    expect(overHttps).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax' });
    const overHttp = (await signIn({})).cookies.find((c) => c.name === 'pardev_session');
    expect(overHttp?.secure).toBeFalsy();
  });

  it('records sign-ins, failed sign-ins and refused requests, and no secret anywhere in the trail', async () => {
    const partner = await registerAs(people.officerA.cookie);
    const wrong = await harness.request('POST', '/api/v1/auth/login', {
      body: { email: people.viewer.email, password: 'my-secret-guess-123' },
    });
    expect(wrong.statusCode).toBe(401);
    const typo = await harness.request('POST', '/api/v1/auth/login', {
      body: { email: 'nobody.here@ilo.org', password: 'another-secret-guess' },
    });
    expect(typo.statusCode).toBe(401);
    const refused = await as(people.officerB.cookie).send(
      'PUT',
      `/api/v1/partners/${partner.id}`,
      bodies['put /api/v1/partners/{id}']!(partner),
    );
    expect(refused.statusCode).toBe(403);
    expect((await as(people.viewer.cookie).get('/api/v1/users')).statusCode).toBe(403);

    const failures = await trail(people.auditor.cookie, 'action=auth.sign-in-failed&limit=100');
    expect(failures.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          entityId: people.viewer.id,
          note: expect.stringMatching(/^wrong password/),
        }),
        expect.objectContaining({
          entityId: null,
          note: expect.stringMatching(/^no account has this e-mail/),
        }),
      ]),
    );
    const refusals = await trail(people.auditor.cookie, 'action=access.refused&limit=100');
    expect(refusals.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          actorId: people.officerB.id,
          actorName: 'officerB person',
          entityId: `PUT /api/v1/partners/${partner.id}`,
          note: expect.stringMatching(/responsible officer or a delegate/),
        }),
        expect.objectContaining({ actorId: people.viewer.id, entityId: 'GET /api/v1/users' }),
      ]),
    );

    const everything = JSON.stringify((await trail(adminCookie, 'limit=100')).items);
    const sessionTokens = Object.values(people).map((p) => p.cookie.split('=')[1]!);
    for (const secret of [
      PASSWORD,
      HARNESS_ADMIN.password,
      'my-secret-guess-123',
      'another-secret-guess',
      'nobody.here',
      ...sessionTokens,
    ]) {
      expect(everything).not.toContain(secret);
    }
    expect(everything).not.toMatch(/argon2/);
  });

  // Only where two replicas can share the identity database (PostgreSQL; PGlite has one owner).
  if (dbKind !== 'postgres') return;
  it('ends a deactivated user’s sessions on every gateway replica at once, and a logout too', async () => {
    const replica = await harness.startReplica();
    await invite('finance', ['finance']);
    const { cookie, id } = people.finance;
    // Both replicas have checked (and cached) the session.
    expect((await harness.request('GET', '/api/v1/auth/me', { cookie })).statusCode).toBe(200);
    expect((await replica.request('GET', '/api/v1/auth/me', { cookie })).statusCode).toBe(200);
    const deactivated = await as(adminCookie).send('POST', `/api/v1/users/${id}/deactivate`, undefined);
    expect(deactivated.statusCode).toBe(200);
    // Refused (not only after the cache's minute): the notice reached the other replica.
    const afterDeactivation = await msUntilRefused(replica.request, cookie);

    const officerCookie = await harness.login(people.officerA.email, PASSWORD);
    expect((await harness.request('GET', '/api/v1/auth/me', { cookie: officerCookie })).statusCode).toBe(200);
    expect((await replica.request('GET', '/api/v1/auth/me', { cookie: officerCookie })).statusCode).toBe(200);
    expect((await replica.request('POST', '/api/v1/auth/logout', { cookie: officerCookie })).statusCode).toBe(
      204,
    );
    const afterLogout = await msUntilRefused(harness.request, officerCookie);
    console.info(
      `revocation reached the other replica in ${afterDeactivation} ms (deactivation), ${afterLogout} ms (logout)`,
    );
  });
});
