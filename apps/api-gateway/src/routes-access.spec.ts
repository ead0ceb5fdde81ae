import type { DynamicModule, Type } from '@nestjs/common';
import { METHOD_METADATA, MODULE_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { Roles as AllRoles } from '@pardev/contracts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppModule } from './app.module';
import { GatewayEnvSchema } from './config';
import { IS_PUBLIC, REQUIRED_ROLES } from './identity/access.decorators';

interface Route {
  readonly route: string;
  readonly isPublic: boolean;
  readonly roles: readonly string[];
}

const HTTP_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'ALL', 'OPTIONS', 'HEAD', 'SEARCH'];

// Every controller reachable from the gateway's root module (static: nothing is started).
const controllersOf = (module: DynamicModule | Type | undefined, seen = new Set<unknown>()): Type[] => {
  if (!module || seen.has(module)) return [];
  seen.add(module);
  const dynamic = 'module' in module ? module : undefined;
  const type = (dynamic?.module ?? module) as Type;
  const controllers = [
    ...((Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, type) as Type[] | undefined) ?? []),
    ...((dynamic?.controllers as Type[] | undefined) ?? []),
  ];
  const imports = [
    ...((Reflect.getMetadata(MODULE_METADATA.IMPORTS, type) as (DynamicModule | Type)[] | undefined) ?? []),
    ...((dynamic?.imports as (DynamicModule | Type)[] | undefined) ?? []),
  ];
  return [...controllers, ...imports.flatMap((imported) => controllersOf(imported, seen))];
};

const routesOf = (controller: Type): Route[] => {
  const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
  const prototype = controller.prototype as Record<string, unknown>;
  return Object.getOwnPropertyNames(prototype).flatMap((name) => {
    const handler = prototype[name];
    if (typeof handler !== 'function' || name === 'constructor') return [];
    const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
    if (path === undefined) return [];
    const method = HTTP_METHODS[Reflect.getMetadata(METHOD_METADATA, handler) as number] ?? '?';
    const metadata = <T>(key: string): T | undefined =>
      (Reflect.getMetadata(key, handler) as T | undefined) ??
      (Reflect.getMetadata(key, controller) as T | undefined);
    return [
      {
        route: `${method} /${[base, path].filter((p) => p && p !== '/').join('/')}`,
        isPublic: metadata<boolean>(IS_PUBLIC) === true,
        roles: metadata<string[]>(REQUIRED_ROLES) ?? [],
      },
    ];
  });
};

const staticDir = mkdtempSync(join(tmpdir(), 'gw-routes-'));
writeFileSync(join(staticDir, 'index.html'), '<!doctype html>');
const config = GatewayEnvSchema.parse({ BUS_URL: 'mqtt://127.0.0.1:1', ADMIN_STATIC_DIR: staticDir });
const routes = controllersOf(AppModule.forRoot(config)).flatMap(routesOf);

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
