import {
  Inject,
  Injectable,
  Logger,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DATABASE, type Database } from '@pardev/persistence';
import { DataSource } from 'typeorm';
import { ActorSigner, ActorVerifier } from '../actor-signature';
import { MessageBus } from '../message-bus';
import { Outbox } from '../outbox';
import { OutboxRelay } from '../outbox-relay';
import { createTransport } from '../transports/create-transport';
import type { Transport } from '../transports/transport';
import { BusServer } from './bus-server';

export const TRANSPORT = Symbol('TRANSPORT');
export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

export interface MessagingOptions {
  /** This process's name: producer in envelopes, queue group, durable consumer name. */
  readonly service: string;
  /** `nats://host:4222` (production) or `mqtt://127.0.0.1:port` (embedded broker). */
  readonly busUrl: string;
  readonly requestTimeoutMs?: number;
  /** Optional isolation prefix for subjects, streams and consumers (tests sharing one NATS server). */
  readonly namespace?: string | undefined;
  /** Ed25519 private key (gateway only): signs the acting user on every request it sends. */
  readonly actorSigningKey?: string | undefined;
  /** Ed25519 public key of the gateway (services): requests whose actor it does not verify are refused. */
  readonly actorVerifyKey?: string | undefined;
}

@Injectable()
class MessagingLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(TRANSPORT) private readonly transport: Transport,
    private readonly relay: OutboxRelay,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
    await this.transport.close();
  }
}

@Module({})
export class MessagingModule {
  /** Needs PersistenceModule (the outbox, inbox and relay live in the service's own database). */
  static forRoot(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        {
          provide: TRANSPORT,
          useFactory: async () => {
            const transport = createTransport(options.busUrl, options.service, {
              namespace: options.namespace,
            });
            await transport.connect();
            return transport;
          },
        },
        {
          provide: MessageBus,
          useFactory: (transport: Transport) =>
            new MessageBus(
              transport,
              options.service,
              options.requestTimeoutMs,
              options.actorSigningKey ? new ActorSigner(options.actorSigningKey) : undefined,
            ),
          inject: [TRANSPORT],
        },
        { provide: Outbox, useValue: new Outbox(options.service) },
        {
          provide: OutboxRelay,
          useFactory: (database: Database, transport: Transport) => {
            const log = new Logger('Outbox');
            return new OutboxRelay(database, transport, {
              onError: (error) =>
                log.warn(`relay failed, will retry: ${(error as Error)?.message ?? String(error)}`),
            });
          },
          inject: [DATABASE, TRANSPORT],
        },
        {
          provide: BusServer,
          useFactory: (transport: Transport, dataSource: DataSource) =>
            new BusServer(transport, dataSource, {
              service: options.service,
              actorVerifier: options.actorVerifyKey ? new ActorVerifier(options.actorVerifyKey) : undefined,
            }),
          inject: [TRANSPORT, DataSource],
        },
        MessagingLifecycle,
      ],
      exports: [TRANSPORT, MessageBus, Outbox, BusServer, OutboxRelay],
    };
  }
}
