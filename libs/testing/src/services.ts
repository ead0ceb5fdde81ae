import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { ActorSigner, BusServer, MessageBus, generateActorKeys, type Transport } from '@pardev/messaging';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from './databases';
import type { TestBus } from './buses';

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
