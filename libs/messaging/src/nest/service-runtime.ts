import {
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  Injectable,
  Logger,
  Res,
  type DynamicModule,
  type LogLevel,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { HealthReport } from '@pardev/contracts';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import type { Transport } from '../transports/transport';
import { isVerifyKey } from '../actor-signature';
import { BusServer } from './bus-server';
import { TRANSPORT } from './messaging.module';

const logLevels: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

// Environment every service reads; validated once at boot so a typo fails loudly, not later.
export const ServiceEnvSchema = z.object({
  BUS_URL: z.string().regex(/^(nats|mqtt):\/\//, { message: 'must start with nats:// or mqtt://' }),
  BUS_NAMESPACE: z
    .string()
    .regex(/^[a-z0-9]{1,16}$/, { message: 'must be 1-16 lower-case letters or digits' })
    .optional()
    .describe('Isolates subjects, streams and consumers under a prefix (tests sharing one NATS server)'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// URL' })
    .optional(),
  DATA_DIR: z.string().optional(),
  ACTOR_VERIFY_KEY: z
    .string({ message: "is required: the public half of the gateway's ACTOR_SIGNING_KEY" })
    .refine(isVerifyKey, { message: 'must be an Ed25519 public key (PEM or base64 DER)' })
    .describe('Ed25519 public key of the gateway: verifies the acting user signed on each request'),
  HOST: z.string().default('127.0.0.1'),
  LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug', 'verbose']).default('log'),
});
export type ServiceEnv = z.infer<typeof ServiceEnvSchema>;

/** Parses `env` with `schema`; on failure prints every bad variable and its rule, then exits. */
export const parseEnv = <S extends z.ZodType>(
  schema: S,
  env: NodeJS.ProcessEnv = process.env,
): z.output<S> => {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    console.error(`config: ${issue.path.join('.')}: ${issue.message}`);
  }
  process.exit(78); // EX_CONFIG
};

export const levelsFrom = (level: string): LogLevel[] =>
  logLevels.slice(0, logLevels.indexOf(level as LogLevel) + 1);

@Injectable()
export class ServiceHealth {
  constructor(
    @Inject(TRANSPORT) private readonly transport: Transport,
    private readonly dataSource: DataSource,
    @Inject('SERVICE_NAME') private readonly service: string,
  ) {}

  async report(): Promise<HealthReport> {
    const database = await this.dataSource
      .query('SELECT 1')
      .then(() => 'up' as const)
      .catch(() => 'down' as const);
    const bus = this.transport.isConnected() ? ('up' as const) : ('down' as const);
    return {
      service: this.service,
      status: database === 'up' && bus === 'up' ? 'ok' : 'degraded',
      checks: { database, bus },
    };
  }
}

// Liveness/readiness for orchestrators (docker compose health checks, Kubernetes probes).
@Controller()
export class ServiceHealthController {
  constructor(private readonly health: ServiceHealth) {}

  @Get('health')
  @HttpCode(HttpStatus.OK)
  async check(@Res({ passthrough: true }) reply: { status(code: number): unknown }): Promise<HealthReport> {
    const report = await this.health.report();
    if (report.status !== 'ok') reply.status(HttpStatus.SERVICE_UNAVAILABLE);
    return report;
  }
}

export const serviceHealthProviders = (service: string) => [
  { provide: 'SERVICE_NAME', useValue: service },
  ServiceHealth,
];

/**
 * Started by the launcher (which opens an IPC channel), an app stops cleanly when the launcher
 * dies, instead of living on as an orphan that holds its PGlite data directory.
 */
export const stopWhenParentExits = (app: { close(): Promise<void> }): void => {
  if (!process.connected) return;
  process.once('disconnect', () => {
    void app.close().finally(() => process.exit(0));
  });
};

export interface RunServiceOptions {
  readonly service: string;
  readonly module: DynamicModule;
  readonly host: string;
  readonly healthPort: number;
  readonly logLevel: string;
}

/**
 * Starts a service: the bus strategy for its handlers and a small HTTP server for /health.
 * Stops cleanly on SIGINT/SIGTERM (in-flight messages finish, PGlite is closed).
 */
export const runService = async (options: RunServiceOptions): Promise<NestFastifyApplication> => {
  const app = await NestFactory.create<NestFastifyApplication>(options.module, new FastifyAdapter(), {
    logger: levelsFrom(options.logLevel),
    bufferLogs: false,
  });
  app.enableShutdownHooks();
  app.connectMicroservice({ strategy: app.get(BusServer) }, { inheritAppConfig: true });
  await app.startAllMicroservices();
  await app.listen(options.healthPort, options.host);
  stopWhenParentExits(app);
  new Logger(options.service).log(`ready; health on http://${options.host}:${options.healthPort}/health`);
  return app;
};
