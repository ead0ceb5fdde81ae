import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  Roles,
  SessionUserSchema,
  type Partner,
  type PartnerOptionPage,
  type PartnerPage,
} from '@pardev/contracts';
import { newId } from '@pardev/persistence';
import { type BusKind, type DatabaseKind } from '@pardev/testing';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IdentityService } from './identity/identity.service';
import { sessionIdOf } from './identity/session-token';
import { apiRoutes } from './openapi/api-routes';
import {
  HARNESS_ADMIN,
  problemOf,
  startGatewayHarness,
  type GatewayHarness,
  type Method,
} from './testing/gateway-harness';

const ADMIN = HARNESS_ADMIN;
const VIEWER = { email: 'viewer@example.org', password: 'viewer test password' };

// Embedded bus + PGlite always. With CI's servers also one more run: NATS (with the gateway's
// identity database on PostgreSQL when TEST_DATABASE_URL is set), or embedded + PostgreSQL.
const combinations = (): [BusKind, DatabaseKind][] => {
  const runs: [BusKind, DatabaseKind][] = [['embedded', 'pglite']];
  const database: DatabaseKind = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';
  if (process.env.TEST_NATS_URL) runs.push(['nats', database]);
  else if (database === 'postgres') runs.push(['embedded', 'postgres']);
  return runs;
};

const until = async <T>(probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
};

describe.each(combinations())(
  'api-gateway with the real services (%s bus, identity database on %s)',
  (busKind, dbKind) => {
    let harness: GatewayHarness;
    let gateway: NestFastifyApplication;
    let request: GatewayHarness['request'];
    let login: GatewayHarness['login'];
    let staticDir: string;
    let adminCookie: string;

    const aPartner = (overrides: Record<string, unknown> = {}) => ({
      name: `Ministry of Labour ${newId().slice(-6)}`,
      acronym: 'MOL',
      organisationType: '10',
      category: 'GOVERNMENT_OECD_DAC',
      country: 'NO',
      ...overrides,
    });

    beforeAll(async () => {
      staticDir = mkdtempSync(join(tmpdir(), 'gw-admin-'));
      mkdirSync(join(staticDir, 'assets'));
      writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>PARDEV</title>');
      writeFileSync(join(staticDir, 'assets', 'index-abc123.js'), 'console.log("admin")');
      harness = await startGatewayHarness(busKind, dbKind, { ADMIN_STATIC_DIR: staticDir });
      ({ gateway, request, login } = harness);
      await gateway
        .get(IdentityService)
        .createUser({ ...VIEWER, displayName: 'Vera Viewer', roles: ['viewer'] }, {});
    });

    afterAll(async () => {
      await harness?.close();
      if (staticDir) rmSync(staticDir, { recursive: true, force: true });
    });

    it('reports every service up on /health without a session', async () => {
      const response = await request('GET', '/health');
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({
        status: 'ok',
        services: {
          'api-gateway': 'up',
          'partners-service': 'up',
          'agreements-service': 'up',
          'results-service': 'up',
        },
      });
    });

    it('tells anyone whether demo data is shown', async () => {
      const response = await request('GET', '/api/v1/meta');
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ demoData: false });
    });

    it('refuses the partner list without a session: 401 UNAUTHENTICATED problem', async () => {
      const response = await request('GET', '/api/v1/partners');
      expect(response.statusCode).toBe(401);
      expect(problemOf(response)).toMatchObject({
        status: 401,
        code: 'UNAUTHENTICATED',
        type: 'https://pardev.ilo.org/problems/unauthenticated',
      });
    });

    it('refuses a wrong password and an unknown e-mail with the same 401 INVALID_CREDENTIALS', async () => {
      const wrong = await request('POST', '/api/v1/auth/login', {
        body: { email: ADMIN.email, password: 'not the password' },
      });
      const unknown = await request('POST', '/api/v1/auth/login', {
        body: { email: 'nobody@example.org', password: 'not the password' },
      });
      for (const response of [wrong, unknown]) {
        expect(response.statusCode).toBe(401);
        expect(response.cookies).toEqual([]);
      }
      const { correlationId: _a, ...wrongProblem } = problemOf(wrong);
      const { correlationId: _b, ...unknownProblem } = problemOf(unknown);
      expect(wrongProblem).toEqual(unknownProblem);
      expect(wrongProblem.code).toBe('INVALID_CREDENTIALS');
    });

    it('signs the admin from ADMIN_EMAIL in with an HttpOnly SameSite=Lax cookie whose token is stored only as a hash', async () => {
      const response = await request('POST', '/api/v1/auth/login', {
        body: { email: ADMIN.email.toUpperCase(), password: ADMIN.password },
      });
      expect(response.statusCode).toBe(200);
      expect(SessionUserSchema.parse(response.json())).toMatchObject({
        email: ADMIN.email,
        roles: ['admin'],
      });
      const header = String(response.headers['set-cookie']);
      expect(header).toMatch(/^pardev_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax$/);
      const token = response.cookies.find((c) => c.name === 'pardev_session')?.value ?? '';
      adminCookie = `pardev_session=${token}`;

      const rows: { id: string }[] = await gateway.get(DataSource).query('SELECT id FROM session');
      expect(rows.map((r) => r.id)).toContain(sessionIdOf(token));
      expect(rows.map((r) => r.id)).not.toContain(token);
    });

    it('answers /auth/me with the signed-in user', async () => {
      const response = await request('GET', '/api/v1/auth/me', { cookie: adminCookie });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        email: ADMIN.email,
        displayName: 'Administrator',
        roles: ['admin'],
      });
    });

    it('registers a partner (201 + Location), then finds it by id and by search', async () => {
      const body = aPartner({ name: 'Norwegian Agency for Development Cooperation', acronym: 'Norad' });
      const created = await request('POST', '/api/v1/partners', { cookie: adminCookie, body });
      expect(created.statusCode).toBe(201);
      const partner = created.json<Partner>();
      expect(partner).toMatchObject({ name: body.name, acronym: 'Norad', country: 'NO', version: 1 });
      expect(created.headers.location).toBe(`/api/v1/partners/${partner.id}`);

      const fetched = await request('GET', created.headers.location as string, { cookie: adminCookie });
      expect(fetched.statusCode).toBe(200);
      expect(fetched.json()).toEqual(partner);

      const listed = await request('GET', '/api/v1/partners?q=norad&pageSize=5', { cookie: adminCookie });
      expect(listed.statusCode).toBe(200);
      const page = listed.json<PartnerPage>();
      expect(page).toMatchObject({ page: 1, pageSize: 5 });
      expect(page.items.map((p) => p.id)).toContain(partner.id);
    });

    it('sends the acting user and the caller correlation id along with the command', async () => {
      const created = await request('POST', '/api/v1/partners', {
        cookie: adminCookie,
        body: aPartner(),
        headers: { 'x-correlation-id': 'trace-me-42' },
      });
      expect(created.statusCode).toBe(201);
      expect(created.headers['x-correlation-id']).toBe('trace-me-42');
      const { id } = created.json<Partner>();
      const me = (await request('GET', '/api/v1/auth/me', { cookie: adminCookie })).json<{ id: string }>();
      const [row] = await harness.services.partners.app
        .get(DataSource)
        .query(`SELECT created_by FROM partner WHERE id = $1`, [id]);
      expect(row.created_by).toBe(me.id);
      const [outbox] = await harness.services.partners.app
        .get(DataSource)
        .query(`SELECT headers FROM outbox WHERE payload->>'partnerId' = $1`, [id]);
      expect(outbox.headers['x-correlation-id']).toBe('trace-me-42');
      expect(JSON.parse(outbox.headers['x-actor'])).toEqual({ userId: me.id, roles: ['admin'] });
    });

    it('refuses an invalid partner with 400 naming organisationType and country', async () => {
      const response = await request('POST', '/api/v1/partners', {
        cookie: adminCookie,
        body: aPartner({ organisationType: '999', country: 'XX' }),
      });
      expect(response.statusCode).toBe(400);
      const problem = problemOf(response);
      expect(problem.code).toBe('VALIDATION_FAILED');
      expect(problem.errors?.map((e) => e.field).sort()).toEqual(['country', 'organisationType']);
    });

    it('refuses a malformed partner id with 400 naming id, and an unknown one with 404 PARTNER_NOT_FOUND', async () => {
      const malformed = await request('GET', '/api/v1/partners/not-a-uuid', { cookie: adminCookie });
      expect(malformed.statusCode).toBe(400);
      expect(problemOf(malformed).errors).toEqual([expect.objectContaining({ field: 'id' })]);

      const unknown = await request('GET', `/api/v1/partners/${newId()}`, { cookie: adminCookie });
      expect(unknown.statusCode).toBe(404);
      expect(problemOf(unknown).code).toBe('PARTNER_NOT_FOUND');
    });

    it('refuses a second partner with the same name and country: 409 PARTNER_ALREADY_EXISTS', async () => {
      const body = aPartner();
      expect((await request('POST', '/api/v1/partners', { cookie: adminCookie, body })).statusCode).toBe(201);
      const again = await request('POST', '/api/v1/partners', { cookie: adminCookie, body });
      expect(again.statusCode).toBe(409);
      expect(problemOf(again)).toMatchObject({
        code: 'PARTNER_ALREADY_EXISTS',
        errors: [expect.objectContaining({ field: 'name' })],
      });
    });

    it('lets a viewer read partners but not register one (403 FORBIDDEN)', async () => {
      const viewerCookie = await login(VIEWER.email, VIEWER.password);
      expect((await request('GET', '/api/v1/partners', { cookie: viewerCookie })).statusCode).toBe(200);
      const refused = await request('POST', '/api/v1/partners', { cookie: viewerCookie, body: aPartner() });
      expect(refused.statusCode).toBe(403);
      expect(problemOf(refused).code).toBe('FORBIDDEN');
    });

    it('offers a newly registered partner in the agreement form once agreements-service has its event', async () => {
      const body = aPartner({
        name: 'Swiss Agency for Development and Cooperation',
        acronym: 'SDC',
        country: 'CH',
      });
      const { id } = (
        await request('POST', '/api/v1/partners', { cookie: adminCookie, body })
      ).json<Partner>();
      const option = await until(async () => {
        const response = await request('GET', '/api/v1/agreements/partner-options?q=SDC', {
          cookie: adminCookie,
        });
        expect(response.statusCode).toBe(200);
        return response.json<PartnerOptionPage>().items.find((item) => item.id === id);
      });
      expect(option).toMatchObject({ name: body.name, acronym: 'SDC', country: 'CH' });
    });

    it('answers a body that is not JSON with a 400 problem and one over 1 MiB with 413', async () => {
      const broken = await gateway.inject({
        method: 'POST',
        url: '/api/v1/partners',
        headers: { cookie: adminCookie, 'content-type': 'application/json' },
        payload: '{"name": ',
      });
      expect(broken.statusCode).toBe(400);
      expect(problemOf(broken).code).toBe('VALIDATION_FAILED');

      const huge = await request('POST', '/api/v1/partners', {
        cookie: adminCookie,
        body: aPartner({ name: 'x'.repeat(1_100_000) }),
      });
      expect(huge.statusCode).toBe(413);
      expect(problemOf(huge)).toMatchObject({ status: 413, code: 'VALIDATION_FAILED' });
    });

    it('answers unknown API routes with a 404 NOT_FOUND problem, with or without a session', async () => {
      for (const [method, url, cookie] of [
        ['GET', '/api/v1/nothing-here', adminCookie],
        ['GET', '/api/v1/nothing-here', undefined],
        ['POST', '/api/v1/nothing-here', adminCookie],
        ['GET', '/api', undefined],
      ] as const) {
        const response = await request(method, url, { cookie });
        expect(response.statusCode, `${method} ${url}`).toBe(404);
        expect(problemOf(response).code).toBe('NOT_FOUND');
      }
    });

    it('replaces an unsafe correlation id and echoes the one it used', async () => {
      const response = await request('GET', '/api/v1/partners', {
        headers: { 'x-correlation-id': 'bad id with spaces' },
      });
      const used = response.headers['x-correlation-id'];
      expect(used).toMatch(/^[0-9a-f-]{36}$/);
      expect(problemOf(response).correlationId).toBe(used);
    });

    it('serves the admin SPA: files as they are, client routes as index.html, hashed assets cached forever', async () => {
      const route = await request('GET', '/partners/some-id');
      expect(route.statusCode).toBe(200);
      expect(route.headers['content-type']).toMatch(/^text\/html/);
      expect(route.headers['cache-control']).toBe('no-cache');
      expect(route.body).toContain('<title>PARDEV</title>');

      const root = await request('GET', '/');
      expect(root.statusCode).toBe(200);
      expect(root.headers['cache-control']).toBe('no-cache');

      const asset = await request('GET', '/assets/index-abc123.js');
      expect(asset.statusCode).toBe(200);
      expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');

      const missingAsset = await request('GET', '/assets/index-gone999.js');
      expect(missingAsset.statusCode).toBe(404);
    });

    it('signs out: 204, the cookie is cleared and no longer works', async () => {
      const cookie = await login(ADMIN.email, ADMIN.password);
      const response = await request('POST', '/api/v1/auth/logout', { cookie });
      expect(response.statusCode).toBe(204);
      expect(String(response.headers['set-cookie'])).toMatch(/^pardev_session=; .*Expires=Thu, 01 Jan 1970/);
      const after = await request('GET', '/api/v1/auth/me', { cookie });
      expect(after.statusCode).toBe(401);
      expect(problemOf(after).code).toBe('UNAUTHENTICATED');
      // Other sessions of the same user are untouched.
      expect((await request('GET', '/api/v1/auth/me', { cookie: adminCookie })).statusCode).toBe(200);
    });

    it('refuses an expired session and deletes it', async () => {
      const cookie = await login(VIEWER.email, VIEWER.password);
      const id = sessionIdOf(cookie.slice('pardev_session='.length));
      const db = gateway.get(DataSource);
      await db.query(`UPDATE session SET expires_at = now() - interval '1 second' WHERE id = $1`, [id]);
      const response = await request('GET', '/api/v1/auth/me', { cookie });
      expect(response.statusCode).toBe(401);
      expect(await db.query(`SELECT id FROM session WHERE id = $1`, [id])).toEqual([]);
    });

    it('ends a session that has not been used for 30 minutes', async () => {
      const cookie = await login(VIEWER.email, VIEWER.password);
      const id = sessionIdOf(cookie.slice('pardev_session='.length));
      const db = gateway.get(DataSource);
      await db.query(`UPDATE session SET last_seen_at = now() - interval '31 minutes' WHERE id = $1`, [id]);
      expect((await request('GET', '/api/v1/auth/me', { cookie })).statusCode).toBe(401);
      expect(await db.query(`SELECT id FROM session WHERE id = $1`, [id])).toEqual([]);
    });

    it('records session activity at most once a minute', async () => {
      const cookie = await login(VIEWER.email, VIEWER.password);
      const id = sessionIdOf(cookie.slice('pardev_session='.length));
      const db = gateway.get(DataSource);
      const lastSeen = async (): Promise<number> =>
        new Date(
          (await db.query(`SELECT last_seen_at FROM session WHERE id = $1`, [id]))[0].last_seen_at,
        ).getTime();
      await db.query(`UPDATE session SET last_seen_at = now() - interval '2 minutes' WHERE id = $1`, [id]);
      const stale = await lastSeen();
      await request('GET', '/api/v1/auth/me', { cookie });
      const touched = await lastSeen();
      expect(touched - stale).toBeGreaterThanOrEqual(110_000);
      await request('GET', '/api/v1/auth/me', { cookie });
      expect(await lastSeen()).toBe(touched);
    });

    it('refuses sign-in to an account after 10 failures in 15 minutes, even with the right password', async () => {
      const user = { email: 'guessed@example.org', password: 'the right long password' };
      await gateway
        .get(IdentityService)
        .createUser({ ...user, displayName: 'Gus Guessed', roles: ['viewer'] }, {});
      const attempt = (password: string, remoteAddress: string) =>
        gateway.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: user.email, password },
          remoteAddress,
        });
      for (let i = 0; i < 10; i++)
        expect((await attempt(`wrong guess ${i}`, '203.0.113.7')).statusCode).toBe(401);
      const blocked = await attempt(user.password, '198.51.100.9');
      expect(blocked.statusCode).toBe(429);
      expect(problemOf(blocked).code).toBe('TOO_MANY_ATTEMPTS');
      // Other accounts, from the same address, are not affected.
      expect((await request('POST', '/api/v1/auth/login', { body: VIEWER })).statusCode).toBe(200);
    });

    it('refuses sign-in from an address after 50 failures in 15 minutes, whatever the account', async () => {
      const attempt = (email: string) =>
        gateway.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email, password: 'a wrong password' },
          remoteAddress: '192.0.2.50',
        });
      for (let i = 0; i < 50; i++) expect((await attempt(`nobody${i}@example.org`)).statusCode).toBe(401);
      expect((await attempt('someone.else@example.org')).statusCode).toBe(429);
    });

    it('serves its OpenAPI document and the documentation page without a session', async () => {
      const document = await request('GET', '/api/openapi.json');
      expect(document.statusCode).toBe(200);
      expect(document.json()).toMatchObject({ openapi: '3.1.0', paths: { '/api/v1/partners': {} } });
      const page = await request('GET', '/api/docs');
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.body).toContain('/api/docs/swagger-ui-bundle.js');
      const style = await request('GET', '/api/docs/swagger-ui.css');
      expect(style.statusCode).toBe(200);
      expect(style.headers['content-type']).toContain('text/css');
      expect(problemOf(await request('GET', '/api/docs/secrets.txt')).code).toBe('NOT_FOUND');
    });

    it('refuses a state change sent by a page of another site (CSRF), but not a read', async () => {
      const forged = await request('POST', '/api/v1/partners', {
        cookie: adminCookie,
        body: aPartner(),
        headers: { origin: 'https://evil.example' },
      });
      expect(forged.statusCode).toBe(403);
      expect(problemOf(forged).code).toBe('FORBIDDEN');
      const read = await request('GET', '/api/v1/partners', {
        cookie: adminCookie,
        headers: { origin: 'https://evil.example' },
      });
      expect(read.statusCode).toBe(200);
      const own = await request('POST', '/api/v1/partners', {
        cookie: adminCookie,
        body: aPartner(),
        headers: { origin: 'http://localhost:80' },
      });
      expect(own.statusCode).toBe(201);
    });

    it('answers 429 RATE_LIMITED with Retry-After once an address exceeds its requests per minute', async () => {
      let limited: Awaited<ReturnType<typeof request>> | undefined;
      for (let i = 0; i < 1_300 && !limited; i++) {
        const response = await gateway.inject({
          method: 'GET',
          url: '/api/v1/meta',
          remoteAddress: '198.51.100.77',
        });
        if (response.statusCode === 429) limited = response;
      }
      expect(limited).toBeDefined();
      expect(problemOf(limited!).code).toBe('RATE_LIMITED');
      expect(Number(limited!.headers['retry-after'])).toBeGreaterThan(0);
      // Other addresses are not affected.
      expect((await request('GET', '/api/v1/meta')).statusCode).toBe(200);
    });

    it('gives each role exactly the routes of the route table, with the security headers on every answer', async () => {
      const password = 'role matrix password';
      const identity = gateway.get(IdentityService);
      for (const role of Roles) {
        await identity.createUser(
          {
            email: `${role}.matrix@example.org`,
            displayName: role,
            password,
            roles: [role],
          },
          {},
        );
      }
      const refusedWrongly: string[] = [];
      for (const route of apiRoutes) {
        for (const role of Roles) {
          const cookie = await login(`${role}.matrix@example.org`, password);
          const response = await request(
            route.method.toUpperCase() as Method,
            route.path.replace('{id}', newId()),
            {
              cookie,
              ...(route.method !== 'get'
                ? {
                    body: route.path.endsWith('/login')
                      ? { email: 'x@example.org', password: 'x' }
                      : aPartner(),
                  }
                : {}),
            },
          );
          const allowed = route.access === 'public' || route.access.includes(role);
          if (allowed === (response.statusCode === 403))
            refusedWrongly.push(`${route.method} ${route.path} as ${role}: ${response.statusCode}`);
          expect(response.headers['content-security-policy'], route.path).toContain("default-src 'self'");
          expect(response.headers['x-content-type-options'], route.path).toBe('nosniff');
          expect(response.headers['x-correlation-id'], route.path).toBeDefined();
        }
      }
      expect(refusedWrongly).toEqual([]);
    });

    it('lets an admin invite an account, change its roles and deactivate it, ending its sessions at once', async () => {
      const created = await request('POST', '/api/v1/users', {
        cookie: adminCookie,
        body: {
          email: 'Nadia.Officer@ilo.org',
          displayName: 'Nadia Officer',
          roles: ['officer'],
          password: 'first password here',
        },
      });
      expect(created.statusCode).toBe(201);
      const user = created.json() as { id: string; email: string; roles: string[]; active: boolean };
      expect(user).toMatchObject({ email: 'nadia.officer@ilo.org', roles: ['officer'], active: true });

      const cookie = await login('nadia.officer@ilo.org', 'first password here');
      expect((await request('GET', '/api/v1/auth/me', { cookie })).statusCode).toBe(200);

      const promoted = await request('POST', `/api/v1/users/${user.id}/roles`, {
        cookie: adminCookie,
        body: { roles: ['officer', 'finance'] },
      });
      expect(promoted.json()).toMatchObject({ roles: ['officer', 'finance'] });
      // A change of roles ends the sessions opened under the old ones.
      expect((await request('GET', '/api/v1/auth/me', { cookie })).statusCode).toBe(401);

      const again = await login('nadia.officer@ilo.org', 'first password here');
      const deactivated = await request('POST', `/api/v1/users/${user.id}/deactivate`, {
        cookie: adminCookie,
      });
      expect(deactivated.json()).toMatchObject({ active: false });
      expect((await request('GET', '/api/v1/auth/me', { cookie: again })).statusCode).toBe(401);

      const listed = await request('GET', '/api/v1/users?q=nadia', { cookie: adminCookie });
      expect((listed.json() as { items: { id: string; active: boolean }[] }).items).toEqual([
        expect.objectContaining({ id: user.id, active: false }),
      ]);
    });

    it('refuses a weak password, an unknown role and an admin locking themselves out', async () => {
      const weak = await request('POST', '/api/v1/users', {
        cookie: adminCookie,
        body: { email: 'short@ilo.org', displayName: 'Short', roles: ['superuser'], password: 'short' },
      });
      expect(weak.statusCode).toBe(400);
      expect(
        problemOf(weak)
          .errors?.map((e) => e.field)
          .sort(),
      ).toEqual(['password', 'roles.0']);
      const me = (await request('GET', '/api/v1/auth/me', { cookie: adminCookie })).json() as { id: string };
      const selfLock = await request('POST', `/api/v1/users/${me.id}/deactivate`, { cookie: adminCookie });
      expect(selfLock.statusCode).toBe(403);
    });

    it('shuts a deactivated user out, including sessions opened before', async () => {
      const user = { email: 'leaver@example.org', password: 'leaver test password' };
      await gateway
        .get(IdentityService)
        .createUser({ ...user, displayName: 'Lee Leaver', roles: ['officer'] }, {});
      const cookie = await login(user.email, user.password);
      await gateway.get(DataSource).query(`UPDATE "user" SET active = false WHERE email = $1`, [user.email]);
      expect((await request('GET', '/api/v1/auth/me', { cookie })).statusCode).toBe(401);
      const again = await request('POST', '/api/v1/auth/login', { body: user });
      expect(again.statusCode).toBe(401);
      expect(problemOf(again).code).toBe('INVALID_CREDENTIALS');
    });

    it('reports 503 naming results-service once it stops', async () => {
      await harness.stop('results');
      const response = await request('GET', '/health');
      expect(response.statusCode).toBe(503);
      expect(response.json()).toEqual({
        status: 'degraded',
        services: {
          'api-gateway': 'up',
          'partners-service': 'up',
          'agreements-service': 'up',
          'results-service': 'down',
        },
      });
    });
  },
);
