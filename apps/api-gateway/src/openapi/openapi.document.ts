import { ProblemDetailsSchema, Roles } from '@pardev/contracts';
import { z } from 'zod';
import { SESSION_COOKIE } from '../identity/session-token';
import { apiRoutes, type ApiRoute } from './api-routes';

type JsonSchema = Record<string, unknown>;

const toSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  // Transforms and refinements have no JSON Schema form: they are documented by their messages.
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
};

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

const errorDescriptions: Record<number, string> = {
  400: 'A field breaks its rule: `errors` names each one (VALIDATION_FAILED)',
  401: 'No valid session (UNAUTHENTICATED) or wrong credentials (INVALID_CREDENTIALS)',
  403: 'The signed-in user’s role does not allow this (FORBIDDEN)',
  404: 'No such record (NOT_FOUND, PARTNER_NOT_FOUND)',
  409: 'Conflicts with what exists (PARTNER_ALREADY_EXISTS, VERSION_CONFLICT)',
  413: 'The body is larger than 1 MiB (VALIDATION_FAILED)',
  429: 'Too many failed sign-ins for the account or address (TOO_MANY_ATTEMPTS)',
  500: 'Unexpected failure: quote the correlation id (INTERNAL)',
  503: 'A service is unavailable (SERVICE_UNAVAILABLE)',
  504: 'A service did not answer in time (TIMEOUT)',
};

const parameters = (route: ApiRoute) =>
  (['path', 'query'] as const).flatMap((place) => {
    const schema = place === 'path' ? route.params : route.query;
    if (!schema) return [];
    const json = toSchema(schema, 'input') as {
      properties?: Record<string, JsonSchema>;
      required?: string[];
    };
    return Object.entries(json.properties ?? {}).map(([name, property]) => ({
      name,
      in: place,
      required: place === 'path' || (json.required ?? []).includes(name),
      schema: property,
    }));
  });

const errorsOf = (route: ApiRoute): number[] => {
  const restricted = route.access !== 'public' && route.access.length < Roles.length;
  const codes = new Set<number>([...(route.errors ?? []), 500, 503, 504]);
  if (route.access !== 'public') codes.add(401);
  if (restricted) codes.add(403);
  if (route.body || route.upload) codes.add(413);
  return [...codes].sort((a, b) => a - b);
};

const operation = (route: ApiRoute) => ({
  summary: route.summary,
  tags: [route.tag],
  operationId: `${route.method}${route.path.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase())}`,
  security: route.access === 'public' ? [] : [{ session: [] }],
  ...(route.access === 'public' ? {} : { 'x-roles': route.access }),
  parameters: parameters(route),
  ...(route.upload
    ? {
        requestBody: {
          required: true,
          content: Object.fromEntries(
            route.upload.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
          ),
        },
      }
    : {}),
  ...(route.body
    ? {
        requestBody: {
          required: true,
          content: { 'application/json': { schema: toSchema(route.body, 'input') } },
        },
      }
    : {}),
  responses: {
    [route.success.status]: {
      description: route.success.description,
      ...(route.success.schema
        ? { content: { 'application/json': { schema: toSchema(route.success.schema, 'output') } } }
        : {}),
    },
    ...Object.fromEntries(
      errorsOf(route).map((status) => [status, problem(errorDescriptions[status] ?? 'Error')]),
    ),
  },
});

/** The OpenAPI 3.1 document of the HTTP API, generated from the zod schemas in @pardev/contracts. */
export const buildOpenApiDocument = (version: string) => {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of apiRoutes) (paths[route.path] ??= {})[route.method] = operation(route);
  return {
    openapi: '3.1.0',
    info: {
      title: 'PARDEV Partnerships Platform API',
      version,
      description:
        'The admin’s API. Sign in with `POST /api/v1/auth/login`; the session travels in an HttpOnly cookie. ' +
        'Errors are RFC 9457 problem details with a stable `code` and the request’s `correlationId`.',
    },
    servers: [{ url: '/' }],
    tags: [...new Set(apiRoutes.map((route) => route.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } },
      schemas: { Problem: toSchema(ProblemDetailsSchema, 'output') },
    },
  };
};
