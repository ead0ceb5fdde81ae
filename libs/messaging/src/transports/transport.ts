// The seam between our messaging API and a concrete bus (NATS/JetStream or the embedded MQTT broker).
// Services never see this: they use MessageBus, Outbox and the @OnRequest/@OnEvent handlers.

export type Headers = Record<string, string>;

export interface InboundMessage {
  readonly subject: string;
  readonly headers: Headers;
  /** The payload as JSON text. */
  readonly body: string;
}

export interface Reply {
  readonly headers: Headers;
  readonly body: string;
}

/** One delivery of a durable event. Exactly one of ack / nak / deadLetter must be called. */
export interface Delivery extends InboundMessage {
  /** 1 on first delivery, 2 on the first redelivery, … (survives consumer restarts where the bus can tell). */
  readonly attempt: number;
  /** Done: never deliver again to this consumer. */
  ack(): Promise<void>;
  /** Failed for now: deliver again after `delayMs`. */
  nak(delayMs: number): Promise<void>;
  /** Cannot ever succeed: park a copy with the reason where operators can see and replay it, then stop delivering. */
  deadLetter(reason: string): Promise<void>;
}

export interface Subscription {
  unsubscribe(): Promise<void>;
}

export interface DurableConsumerOptions {
  /** Durable name: one per consuming service, shared by that service's replicas. */
  readonly durable: string;
  /** Event subjects this consumer wants (exact subjects from the registry). */
  readonly subjects: readonly string[];
  /** Upper bound of deliveries the bus itself will attempt before giving up (safety net). */
  readonly maxDeliver: number;
  /** How long a delivery may stay unacknowledged before the bus redelivers it. */
  readonly ackWaitMs: number;
}

export class TransportTimeoutError extends Error {
  constructor(subject: string, timeoutMs: number) {
    super(`no reply on ${subject} within ${timeoutMs} ms`);
    this.name = 'TransportTimeoutError';
  }
}

export class NoRespondersError extends Error {
  constructor(subject: string) {
    super(`no service answers ${subject}`);
    this.name = 'NoRespondersError';
  }
}

export interface Transport {
  readonly kind: 'nats' | 'embedded';
  connect(): Promise<void>;
  /** True while connected to the broker. */
  isConnected(): boolean;

  /** Core request-reply. Rejects with TransportTimeoutError or NoRespondersError. */
  request(subject: string, body: string, headers: Headers, timeoutMs: number): Promise<InboundMessage>;
  /** Serves requests on `subject`; replicas sharing `queue` share the load (each request answered once). */
  serve(
    subject: string,
    queue: string,
    handler: (message: InboundMessage) => Promise<Reply>,
  ): Promise<Subscription>;

  /**
   * Durable publish of an event. Resolves only once the broker has taken responsibility for it.
   * `headers['x-message-id']` is the deduplication id (the outbox row id).
   */
  publish(subject: string, body: string, headers: Headers): Promise<void>;
  /**
   * Durable consumer: receives every event on `subjects` published since it was first created, including
   * those published while it was down. Deliveries are handed to `handler` one at a time, in order.
   */
  consume(
    options: DurableConsumerOptions,
    handler: (delivery: Delivery) => Promise<void>,
  ): Promise<Subscription>;

  /** Drains and closes. Safe to call twice. */
  close(): Promise<void>;
}
