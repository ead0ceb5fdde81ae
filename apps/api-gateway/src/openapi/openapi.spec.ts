import { testActorKeys } from '@pardev/testing';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppModule } from '../app.module';
import { GatewayEnvSchema } from '../config';
import { scanRoutes } from '../http/route-scan';
import { apiRoutes } from './api-routes';
import { buildOpenApiDocument } from './openapi.document';

const staticDir = mkdtempSync(join(tmpdir(), 'gw-openapi-'));
writeFileSync(join(staticDir, 'index.html'), '<!doctype html>');
const config = GatewayEnvSchema.parse({
  BUS_URL: 'mqtt://127.0.0.1:1',
  ACTOR_SIGNING_KEY: testActorKeys.signingKey,
  ADMIN_STATIC_DIR: staticDir,
});
// The documented API: every /api/v1 route of the real controllers (docs and health describe themselves).
const controllerRoutes = scanRoutes(AppModule.forRoot(config)).filter((r) => r.path.startsWith('/api/v1/'));
const templated = (path: string) => path.replace(/:(\w+)/g, '{$1}');
const document = buildOpenApiDocument('1');

type Operation = {
  security: unknown[];
  responses: Record<string, { content?: Record<string, unknown> }>;
  parameters: { name: string; in: string }[];
};
const operationOf = (method: string, path: string) =>
  (document.paths[path] as Record<string, Operation> | undefined)?.[method];

describe('OpenAPI document', () => {
  it.each(controllerRoutes.map((r) => [r.route, r] as const))(
    'documents %s with the same access',
    (_, route) => {
      const documented = apiRoutes.find(
        (r) => r.method === route.method.toLowerCase() && r.path === templated(route.path),
      );
      expect(documented).toBeDefined();
      if (route.isPublic) expect(documented!.access).toBe('public');
      else expect([...documented!.access].sort()).toEqual([...route.roles].sort());
    },
  );

  it('documents no route that the gateway does not have', () => {
    const served = new Set(controllerRoutes.map((r) => `${r.method.toLowerCase()} ${templated(r.path)}`));
    expect(apiRoutes.map((r) => `${r.method} ${r.path}`).filter((r) => !served.has(r))).toEqual([]);
  });

  it('describes the session cookie and requires it wherever a session is needed', () => {
    expect(document.components.securitySchemes.session).toEqual({
      type: 'apiKey',
      in: 'cookie',
      name: 'pardev_session',
    });
    expect(operationOf('get', '/api/v1/partners')!.security).toEqual([{ session: [] }]);
    expect(operationOf('post', '/api/v1/auth/login')!.security).toEqual([]);
  });

  it('gives every operation its problem responses', () => {
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations as Record<string, Operation>)) {
        expect(Object.keys(operation.responses), `${method} ${path}`).toEqual(
          expect.arrayContaining(['500', '503']),
        );
        expect(operation.responses['500']!.content).toHaveProperty('application/problem+json');
      }
    }
    expect(Object.keys(operationOf('post', '/api/v1/partners')!.responses)).toEqual(
      expect.arrayContaining(['201', '400', '401', '403', '409']),
    );
  });

  it('takes request and response shapes from the contracts', () => {
    const list = operationOf('get', '/api/v1/partners')!;
    expect(list.parameters.map((p) => `${p.in}:${p.name}`)).toEqual([
      'query:page',
      'query:pageSize',
      'query:q',
      'query:assignedTo',
      'query:category',
      'query:organisationType',
      'query:country',
      'query:region',
      'query:status',
      'query:flagLevel',
      'query:tag',
      'query:sort',
    ]);
    const created = operationOf('post', '/api/v1/partners')!.responses['201']!.content![
      'application/json'
    ] as {
      schema: { properties: Record<string, unknown> };
    };
    expect(Object.keys(created.schema.properties)).toEqual(
      expect.arrayContaining(['id', 'name', 'category', 'version']),
    );
  });
});
