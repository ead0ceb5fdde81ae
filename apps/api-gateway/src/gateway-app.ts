import fastifyCookie from '@fastify/cookie';
import { Logger, type NestApplicationOptions } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Header } from '@pardev/contracts';
import { levelsFrom } from '@pardev/messaging';
import type { IncomingMessage } from 'node:http';
import { ADMIN_STATIC, registerAdminStatic, type AdminStatic } from './admin-static/admin-static';
import { AppModule } from './app.module';
import type { GatewayConfig } from './config';
import { correlationIdFrom } from './http/correlation-id';
import { BODY_LIMIT_BYTES, REQUEST_TIMEOUT_MS } from './http/limits';
import { securityHeaders } from './http/security-headers';
import { IMPORT_FILE_LIMIT_BYTES, XLSX_CONTENT_TYPE } from './partners/imports/import-file';

const NO_STORE = /^\/(api|health)(\/|\?|$)/;

/**
 * Builds the gateway exactly as production runs it (adapter, plugins, hooks, routes) and initialises
 * it, without listening: main.ts listens, tests use `app.inject()`.
 */
export const createGatewayApp = async (
  config: GatewayConfig,
  options: NestApplicationOptions = {},
): Promise<NestFastifyApplication> => {
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    // A request that has not arrived completely by then is cut off (slow-loris style clients).
    requestTimeout: REQUEST_TIMEOUT_MS,
    // A hop count becomes "trust the nearest N proxies" (Fastify's types take it as a function).
    trustProxy:
      typeof config.TRUST_PROXY === 'number'
        ? (_address: string, hop: number) => hop < (config.TRUST_PROXY as number)
        : config.TRUST_PROXY,
    // The request id is the correlation id: the caller's when it is sane, else a new one.
    requestIdHeader: false,
    genReqId: (request: IncomingMessage) => correlationIdFrom(request.headers[Header.CorrelationId]),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: levelsFrom(config.LOG_LEVEL),
    ...options,
  });
  await app.register(fastifyCookie);
  // Cross-origin callers only from the configured list; without one, browsers keep to the same origin.
  if (config.CORS_ORIGINS.length > 0) app.enableCors({ origin: config.CORS_ORIGINS, credentials: true });
  const headers = securityHeaders(config.COOKIE_SECURE);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (request, reply) => {
      void reply.header(Header.CorrelationId, request.id);
      void reply.headers(headers);
      // API answers are per user and health is live state: no shared or browser cache may keep them.
      if (NO_STORE.test(request.url)) void reply.header('cache-control', 'no-store');
    });
  // Spreadsheets arrive as themselves (POST /partners/imports), larger than any JSON form.
  app
    .getHttpAdapter()
    .getInstance()
    .addContentTypeParser(
      ['text/csv', XLSX_CONTENT_TYPE],
      { parseAs: 'buffer', bodyLimit: IMPORT_FILE_LIMIT_BYTES },
      (_request, body, done) => done(null, body),
    );
  const adminStatic = app.get<AdminStatic>(ADMIN_STATIC);
  if (adminStatic.dir) await registerAdminStatic(app, adminStatic.dir);
  else new Logger('AdminStatic').warn(adminStatic.problem ?? 'no admin SPA; serving the API only');
  await app.init();
  return app;
};
