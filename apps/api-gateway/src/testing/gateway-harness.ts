import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ProblemDetailsSchema, type ProblemDetails } from '@pardev/contracts';
import {
  bootService,
  serviceEnvironment,
  startTestBus,
  testActorKeys,
  type BootedService,
  type BusKind,
  type DatabaseKind,
  type ServiceEnvironment,
  type TestBus,
} from '@pardev/testing';
import { expect } from 'vitest';
// The other apps are booted in-process, exactly as they run in production, so the gateway is tested
// against the real services over the real bus. Test-only; production code never imports another app.
/* eslint-disable @nx/enforce-module-boundaries -- test harness boots the real services (see above) */
import { AppModule as AgreementsModule } from '../../../agreements-service/src/app.module';
import { AgreementsEnvSchema } from '../../../agreements-service/src/config';
import { AppModule as PartnersModule } from '../../../partners-service/src/app.module';
import { PartnersEnvSchema } from '../../../partners-service/src/config';
import { AppModule as ResultsModule } from '../../../results-service/src/app.module';
import { ResultsEnvSchema } from '../../../results-service/src/config';
/* eslint-enable @nx/enforce-module-boundaries */
import { GatewayEnvSchema } from '../config';
import { createGatewayApp } from '../gateway-app';

export type Injected = Awaited<ReturnType<NestFastifyApplication['inject']>>;
export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
export interface RequestOptions {
  readonly cookie?: string;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

export type ServiceName = 'partners' | 'agreements' | 'results';

export const HARNESS_ADMIN = { email: 'pardev.admin@example.org', password: 'a long enough test password' };

/** The gateway under test, with the three real services on a real bus, and ways to talk to it. */
export interface GatewayHarness {
  readonly bus: TestBus;
  readonly gateway: NestFastifyApplication;
  /** The services, booted in this process (for a look into their databases). */
  readonly services: Readonly<Record<ServiceName, BootedService>>;
  request(method: Method, url: string, options?: RequestOptions): Promise<Injected>;
  /** Stops one service (to see the gateway cope without it). */
  stop(service: ServiceName): Promise<void>;
  /** Signs in and returns the Cookie header value. */
  login(email: string, password: string): Promise<string>;
  /** Another gateway replica on the same bus and identity database (PostgreSQL only: PGlite has one owner). */
  startReplica(): Promise<GatewayReplica>;
  close(): Promise<void>;
}

export interface GatewayReplica {
  readonly gateway: NestFastifyApplication;
  request(method: Method, url: string, options?: RequestOptions): Promise<Injected>;
}

export const problemOf = (response: Injected): ProblemDetails => {
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  return ProblemDetailsSchema.parse(response.json());
};

const requester =
  (gateway: NestFastifyApplication) =>
  (method: Method, url: string, options: RequestOptions = {}): Promise<Injected> =>
    gateway.inject({
      method,
      url,
      headers: { ...(options.cookie ? { cookie: options.cookie } : {}), ...options.headers },
      ...(options.body === undefined ? {} : { payload: options.body as Record<string, unknown> }),
    });

const quiet = { LOG_LEVEL: 'error' };

export const startGatewayHarness = async (
  busKind: BusKind,
  dbKind: DatabaseKind,
  settings: Record<string, string> = {},
): Promise<GatewayHarness> => {
  const bus = await startTestBus(busKind);
  const drops: (() => Promise<void>)[] = [];
  const gateways: NestFastifyApplication[] = [];
  // The services keep their data in memory; only the gateway's own database varies.
  const { env: common } = await serviceEnvironment(bus, 'pglite', 'unused');
  const boot = <C>(
    module: { forRoot(config: C): Parameters<typeof bootService>[0] },
    parse: (env: object) => C,
  ) => bootService(module.forRoot(parse({ ...common, ...quiet })));
  const services: Record<ServiceName, BootedService> = {
    partners: await boot(PartnersModule, (env) => PartnersEnvSchema.parse(env)),
    agreements: await boot(AgreementsModule, (env) => AgreementsEnvSchema.parse(env)),
    results: await boot(ResultsModule, (env) => ResultsEnvSchema.parse(env)),
  };
  const running = new Set<ServiceName>(['partners', 'agreements', 'results']);

  const environment = await serviceEnvironment(bus, dbKind, 'pardev_gateway');
  drops.push(environment.drop);
  const startGateway = async (env: ServiceEnvironment) => {
    const config = GatewayEnvSchema.parse({
      ...env,
      ...quiet,
      ACTOR_SIGNING_KEY: testActorKeys.signingKey,
      ADMIN_EMAIL: HARNESS_ADMIN.email,
      ADMIN_PASSWORD: HARNESS_ADMIN.password,
      ...settings,
    });
    const app = await createGatewayApp(config, { logger: ['error'], abortOnError: false });
    gateways.push(app);
    return app;
  };
  const gateway = await startGateway(environment.env);
  const request = requester(gateway);

  return {
    bus,
    gateway,
    services,
    request,
    async stop(service) {
      if (running.delete(service)) await services[service].close();
    },
    async login(email, password) {
      const response = await request('POST', '/api/v1/auth/login', { body: { email, password } });
      expect(response.statusCode, response.body).toBe(200);
      const cookie = response.cookies.find((c) => c.name === 'pardev_session');
      if (!cookie) throw new Error('no session cookie');
      return `pardev_session=${cookie.value}`;
    },
    async startReplica() {
      if (!environment.env.DATABASE_URL)
        throw new Error('a second replica needs the identity database on PostgreSQL');
      const replica = await startGateway(environment.env);
      return { gateway: replica, request: requester(replica) };
    },
    async close() {
      for (const app of gateways.reverse()) await app.close();
      await Promise.all([...running].map((service) => services[service].close()));
      await bus.close();
      for (const drop of drops) await drop();
    },
  };
};
