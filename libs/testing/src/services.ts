import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  ActorSigner,
  BusServer,
  MessageBus,
  createTransport,
  generateActorKeys,
  type Transport,
} from '@pardev/messaging';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from './databases';
import { startTestBus, type BusKind, type TestBus } from './buses';

/** One Ed25519 pair per test process: the gateway half signs, services verify with the other. */
export const testActorKeys = generateActorKeys();

/** A bus client that signs its actor like the gateway does (what a test needs to act as someone). */
export const signingBus = (transport: Transport, producer: string, timeoutMs = 5_000): MessageBus =>
  new MessageBus(transport, producer, timeoutMs, new ActorSigner(testActorKeys.signingKey));

export interface ServiceEnvironment {
  readonly BUS_URL: string;
  readonly ACTOR_VERIFY_KEY: string;
  readonly BUS_NAMESPACE?: string | undefined;
  readonly DATABASE_URL?: string | undefined;
  readonly DATA_DIR: string;
}

export interface BootedService {
  readonly app: NestFastifyApplication;
  close(): Promise<void>;
}

/** The environment a service would get from the launcher, on the test's bus and database. */
export const serviceEnvironment = async (
  bus: TestBus,
  database: DatabaseKind,
  name: string,
): Promise<{ env: ServiceEnvironment; drop: () => Promise<void> }> => {
  const pg: TestDatabase | undefined = database === 'postgres' ? await createTestDatabase(name) : undefined;
  return {
    env: {
      BUS_URL: bus.url,
      ACTOR_VERIFY_KEY: testActorKeys.verifyKey,
      BUS_NAMESPACE: bus.namespace,
      DATABASE_URL: pg?.url,
      DATA_DIR: 'memory://',
    },
    drop: async () => pg?.drop(),
  };
};

/** Boots a service module in this process, with its bus handlers live (no HTTP port). */
export const bootService = async (module: DynamicModule): Promise<BootedService> => {
  const app = await NestFactory.create<NestFastifyApplication>(module, new FastifyAdapter(), {
    logger: ['error', 'warn'],
    abortOnError: false,
  });
  app.connectMicroservice({ strategy: app.get(BusServer) }, { inheritAppConfig: true });
  await app.startAllMicroservices();
  await app.init();
  return { app, close: () => app.close() };
};

export interface ServiceUnderTest {
  readonly bus: TestBus;
  readonly service: BootedService;
  /** A client on the service's bus (to publish, consume, or send raw requests). */
  readonly client: Transport;
  /** Requests signed like the gateway's, so a test can act as anyone. */
  readonly requests: MessageBus;
  close(): Promise<void>;
}

/**
 * One service booted in this process on a fresh bus and database of the given kinds, with a signing
 * client: what most service integration specs start from.
 */
export const startServiceUnderTest = async (
  busKind: BusKind,
  databaseKind: DatabaseKind,
  name: string,
  module: (env: ServiceEnvironment) => DynamicModule,
): Promise<ServiceUnderTest> => {
  const bus = await startTestBus(busKind);
  const environment = await serviceEnvironment(bus, databaseKind, name);
  const service = await bootService(module(environment.env));
  const client = createTransport(bus.url, `${name}-test`, { namespace: bus.namespace });
  await client.connect();
  return {
    bus,
    service,
    client,
    requests: signingBus(client, `${name}-test`),
    async close() {
      await client.close();
      await service.close();
      await bus.close();
      await environment.drop();
    },
  };
};
