import { testActorKeys } from '@pardev/testing';
import { Roles as AllRoles } from '@pardev/contracts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppModule } from './app.module';
import { GatewayEnvSchema } from './config';
import { scanRoutes } from './http/route-scan';

const staticDir = mkdtempSync(join(tmpdir(), 'gw-routes-'));
writeFileSync(join(staticDir, 'index.html'), '<!doctype html>');
const config = GatewayEnvSchema.parse({
  BUS_URL: 'mqtt://127.0.0.1:1',
  ACTOR_SIGNING_KEY: testActorKeys.signingKey,
  ADMIN_STATIC_DIR: staticDir,
});
const routes = scanRoutes(AppModule.forRoot(config));

describe('access to every gateway route', () => {
  it('finds the routes (the scan itself works)', () => {
    expect(routes.map((r) => r.route)).toEqual(
      expect.arrayContaining(['POST /api/v1/auth/login', 'GET /api/v1/partners', 'POST /api/v1/partners']),
    );
  });

  it.each(routes.map((r) => [r.route, r] as const))(
    '%s is either marked public or names the roles it needs',
    (_, route) => {
      expect(route.isPublic || route.roles.length > 0).toBe(true);
      for (const role of route.roles) expect(AllRoles).toContain(role);
    },
  );
});
