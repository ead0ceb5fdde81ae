import { Logger } from '@nestjs/common';
import { Server, type CustomTransportStrategy } from '@nestjs/microservices';
import type { DataSource } from 'typeorm';
import { lastValueFrom } from 'rxjs';
import {
  EventProcessor,
  defaultRetryPolicy,
  type EventHandlerFn,
  type RetryPolicy,
} from '../event-processor';
import type { ActorVerifier } from '../actor-signature';
import { processRequest, type RequestHandlerFn } from '../request-processor';
import type { Subscription, Transport } from '../transports/transport';

export interface BusServerOptions {
  /** The service name: NATS queue group for requests and durable consumer name for events. */
  readonly service: string;
  readonly retry?: RetryPolicy;
  readonly ackWaitMs?: number;
  /** Checks the gateway's signature on the acting user; without it no request has an actor. */
  readonly actorVerifier?: ActorVerifier | undefined;
}

/**
 * A Nest transport strategy over our Transport: @OnRequest handlers become request-reply
 * responders, @OnEvent handlers share one durable consumer per service with an inbox.
 */
export class BusServer extends Server implements CustomTransportStrategy {
  private readonly subscriptions: Subscription[] = [];
  private readonly log = new Logger('Bus');

  constructor(
    private readonly transport: Transport,
    private readonly dataSource: DataSource,
    private readonly options: BusServerOptions,
  ) {
    super();
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      await this.start();
      callback();
    } catch (error) {
      callback(error);
    }
  }

  async close(): Promise<void> {
    const subscriptions = this.subscriptions.splice(0);
    await Promise.all(subscriptions.map((s) => s.unsubscribe()));
  }

  on(): never {
    throw new Error('BusServer does not emit events');
  }

  unwrap<T>(): T {
    return this.transport as T;
  }

  private invoke(pattern: string): RequestHandlerFn & EventHandlerFn {
    const handler = this.messageHandlers.get(pattern);
    if (!handler) throw new Error(`no handler for ${pattern}`);
    return async (payload, context) =>
      lastValueFrom(this.transformToObservable(await handler(payload, context)), { defaultValue: undefined });
  }

  private async start(): Promise<void> {
    const eventHandlers = new Map<string, EventHandlerFn>();
    for (const [pattern, handler] of this.messageHandlers) {
      if (handler.isEventHandler) {
        eventHandlers.set(pattern, this.invoke(pattern));
        continue;
      }
      const run = this.invoke(pattern);
      const verifier = this.options.actorVerifier;
      const actors = verifier && {
        verifier,
        onRefused: (reason: string, envelope: { correlationId: string; producer: string }) =>
          this.log.warn(
            `${pattern} refused from ${envelope.producer}: ${reason} [correlation ${envelope.correlationId}]`,
          ),
      };
      this.subscriptions.push(
        await this.transport.serve(pattern, this.options.service, (message) =>
          processRequest(
            message,
            run,
            (error, envelope) =>
              this.log.error(
                `${pattern} failed [correlation ${envelope.correlationId}]`,
                (error as Error)?.stack,
              ),
            actors,
          ),
        ),
      );
    }
    if (eventHandlers.size === 0) return;
    const retry = this.options.retry ?? defaultRetryPolicy;
    const processor = new EventProcessor(this.dataSource, this.options.service, eventHandlers, retry, (m) =>
      this.log.warn(m),
    );
    this.subscriptions.push(
      await this.transport.consume(
        {
          durable: this.options.service,
          subjects: [...eventHandlers.keys()],
          // Deliveries beyond our own retry budget only happen after crashes mid-handler.
          maxDeliver: retry.maxAttempts + 5,
          ackWaitMs: this.options.ackWaitMs ?? 30_000,
        },
        async (delivery) => {
          await processor.process(delivery);
        },
      ),
    );
  }
}
