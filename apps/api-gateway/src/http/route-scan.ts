import type { DynamicModule, Type } from '@nestjs/common';
import { METHOD_METADATA, MODULE_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { IS_PUBLIC, REQUIRED_ROLES } from '../identity/access.decorators';

// Reads the routes of every controller reachable from a module, statically (nothing is started):
// the access test and the OpenAPI test both check the real controllers this way.
export interface Route {
  readonly method: string;
  readonly path: string;
  readonly route: string;
  readonly isPublic: boolean;
  readonly roles: readonly string[];
}

const HTTP_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'ALL', 'OPTIONS', 'HEAD', 'SEARCH'];

// Every controller reachable from the gateway's root module (static: nothing is started).
export const controllersOf = (
  module: DynamicModule | Type | undefined,
  seen = new Set<unknown>(),
): Type[] => {
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

export const routesOf = (controller: Type): Route[] => {
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
    const full = `/${[base, path].filter((p) => p && p !== '/').join('/')}`;
    return [
      {
        method,
        path: full,
        route: `${method} ${full}`,
        isPublic: metadata<boolean>(IS_PUBLIC) === true,
        roles: metadata<string[]>(REQUIRED_ROLES) ?? [],
      },
    ];
  });
};

export const scanRoutes = (module: DynamicModule): Route[] => controllersOf(module).flatMap(routesOf);
