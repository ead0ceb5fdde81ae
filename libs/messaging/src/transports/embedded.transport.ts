import { randomUUID } from 'node:crypto';
import { connect, type IClientOptions, type MqttClient } from 'mqtt';
import {
  TransportTimeoutError,
  type Delivery,
  type DurableConsumerOptions,
  type Headers,
  type InboundMessage,
  type Reply,
  type Subscription,
  type Transport,
} from './transport';
import { HANDLER_FAILED_REPLY, describeError, settlesWithin } from './delivery';
import { DurableMqttConsumer } from './embedded-consumer';
import {
  REPLY_TO,
  REQUEST_ID,
  TOKEN,
  Topics,
  assertEventSubject,
  assertRequestSubject,
  decodeFrame,
  encodeFrame,
  firstConnect,
  withTimeout,
  withoutTransportHeaders,
  type Frame,
} from './embedded-wire';

export interface EmbeddedTransportOptions {
  /** How long close() / unsubscribe() wait for a running handler before giving up on it (it is then redelivered). */
  readonly shutdownGraceMs?: number;
  /** Errors that happen in the background (consumers, request handlers). Defaults to console.warn. */
  readonly onError?: (error: unknown, context: string) => void;
  /** How long connect() and consume() wait for the broker before failing. */
  readonly connectTimeoutMs?: number;
  /** How long publish() waits for the broker's PUBACK (e.g. while reconnecting) before failing. */
  readonly publishTimeoutMs?: number;
  /** Puts every topic (and durable session) of this transport under its own name, as on NATS. */
  readonly namespace?: string;
}

interface PendingRequest {
  readonly subject: string;
  resolve(message: InboundMessage): void;
  reject(error: unknown): void;
}

type RequestHandler = (message: InboundMessage) => Promise<Reply>;

/**
 * The bus of the embedded default, over MQTT 3.1.1 to the in-process Aedes broker
 * (see embedded-broker.ts). Topics: requests `rpc/<subject>`, replies `rpc-reply/<client id>`,
 * events `evt/<subject>`, dead letters `deadletter/<durable>/<subject>` (dots become slashes).
 *
 * Differences from NATS that callers can notice: no "no responders" (a request nobody serves
 * times out), no deduplication by `x-message-id` (the consumers' inbox absorbs re-publishes),
 * and `nak(delay)` holds up the consumer's later messages until the retry (order is kept).
 */
export class EmbeddedTransport implements Transport {
  readonly kind = 'embedded' as const;

  private client: MqttClient | undefined;
  private connecting: Promise<void> | undefined;
  /** Connected and subscribed again after a reconnect (a clean session loses its subscriptions). */
  private subscribed = false;
  private replyTopic = '';
  private closing: Promise<void> | undefined;
  private readonly pending = new Map<string, PendingRequest>();
  private readonly served = new Map<string, { handler: RequestHandler; inFlight: Set<Promise<void>> }>();
  private readonly consumers = new Map<string, DurableMqttConsumer>();
  private readonly stoppers = new Set<() => Promise<void>>();
  private readonly shutdownGraceMs: number;
  private readonly connectTimeoutMs: number;
  private readonly publishTimeoutMs: number;
  private readonly onError: (error: unknown, context: string) => void;
  private readonly topics: Topics;

  constructor(
    private readonly url: string,
    private readonly clientName: string,
    options: EmbeddedTransportOptions = {},
  ) {
    if (options.namespace !== undefined && !TOKEN.test(options.namespace)) {
      throw new Error(`namespace "${options.namespace}" may only contain letters, digits, "_" and "-"`);
    }
    this.topics = new Topics(options.namespace);
    this.shutdownGraceMs = options.shutdownGraceMs ?? 5_000;
    this.connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
    this.publishTimeoutMs = options.publishTimeoutMs ?? 10_000;
    this.onError =
      options.onError ??
      ((error, context) => console.warn(`[bus:embedded] ${context}: ${describeError(error)}`));
  }

  connect(): Promise<void> {
    if (this.closing) return Promise.reject(new Error('the embedded transport is closed'));
    this.connecting ??= this.open().catch((error: unknown) => {
      this.connecting = undefined;
      throw error;
    });
    return this.connecting;
  }

  isConnected(): boolean {
    return !this.closing && this.subscribed && this.client?.connected === true;
  }

  request(subject: string, body: string, headers: Headers, timeoutMs: number): Promise<InboundMessage> {
    assertRequestSubject(subject);
    const client = this.requireClient();
    const topic = this.topics.request(subject);
    const requestId = randomUUID();
    return new Promise<InboundMessage>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(requestId);
        reject(new TransportTimeoutError(subject, timeoutMs));
      }, timeoutMs);
      const finish = (): void => {
        clearTimeout(timer);
        this.pending.delete(requestId);
      };
      this.pending.set(requestId, {
        subject,
        resolve: (message) => {
          finish();
          resolve(message);
        },
        reject: (error) => {
          finish();
          reject(error);
        },
      });
      // QoS 0: a lost request ends in the caller's timeout, exactly as a lost reply would.
      const frame = encodeFrame({
        headers: { ...headers, [REPLY_TO]: this.replyTopic, [REQUEST_ID]: requestId },
        body,
      });
      client.publish(topic, frame, { qos: 0 }, (error) => {
        if (error) this.pending.get(requestId)?.reject(error);
      });
    });
  }

  async serve(subject: string, queue: string, handler: RequestHandler): Promise<Subscription> {
    // `queue` has no meaning here: the embedded default runs one instance per service, and Aedes
    // ignores shared subscriptions. Several replicas are a production (NATS queue group) matter.
    void queue;
    assertRequestSubject(subject);
    const client = this.requireClient();
    const topic = this.topics.request(subject);
    if (this.served.has(topic)) throw new Error(`${subject} is already served by this process`);
    const inFlight = new Set<Promise<void>>();
    this.served.set(topic, { handler, inFlight });
    try {
      await client.subscribeAsync(topic, { qos: 0 });
    } catch (error) {
      this.served.delete(topic);
      throw error;
    }
    let stopping: Promise<void> | undefined;
    const stop = (): Promise<void> =>
      (stopping ??= (async () => {
        this.stoppers.delete(stop);
        this.served.delete(topic);
        if (client.connected)
          await client
            .unsubscribeAsync(topic)
            .catch((error) => this.onError(error, `unsubscribing ${topic}`));
        await settlesWithin(Promise.allSettled(inFlight), this.shutdownGraceMs);
      })());
    this.stoppers.add(stop);
    return { unsubscribe: stop };
  }

  async publish(subject: string, body: string, headers: Headers): Promise<void> {
    assertEventSubject(subject);
    const client = this.requireClient();
    const topic = this.topics.event(subject);
    // QoS 1: resolves on the broker's PUBACK, i.e. once it has queued the event for every durable session.
    await withTimeout(
      client.publishAsync(topic, encodeFrame({ headers, body }), { qos: 1 }),
      this.publishTimeoutMs,
      `the embedded broker did not acknowledge ${subject} within ${this.publishTimeoutMs} ms`,
    );
  }

  async consume(
    options: DurableConsumerOptions,
    handler: (delivery: Delivery) => Promise<void>,
  ): Promise<Subscription> {
    this.requireClient();
    if (!TOKEN.test(options.durable))
      throw new Error(`durable name "${options.durable}" may only contain letters, digits, "_" and "-"`);
    for (const subject of options.subjects) assertEventSubject(subject);
    if (options.subjects.length === 0) throw new Error(`consumer ${options.durable} wants no subjects`);
    // Two clients with one client id would keep disconnecting each other.
    if (this.consumers.has(options.durable))
      throw new Error(`consumer ${options.durable} is already running in this process`);

    const consumer = new DurableMqttConsumer(this.url, options, handler, {
      topics: this.topics,
      connectTimeoutMs: this.connectTimeoutMs,
      report: (error, context) => this.onError(error, context),
      deadLetter: (subject, frame, reason, attempt) =>
        this.publishDeadLetter(options.durable, subject, frame, reason, attempt),
    });
    this.consumers.set(options.durable, consumer);
    try {
      await consumer.start();
    } catch (error) {
      this.consumers.delete(options.durable);
      throw error;
    }
    let stopping: Promise<void> | undefined;
    const stop = (): Promise<void> =>
      (stopping ??= (async () => {
        this.stoppers.delete(stop);
        await consumer.stop(this.shutdownGraceMs);
        this.consumers.delete(options.durable);
      })());
    this.stoppers.add(stop);
    return { unsubscribe: stop };
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.connecting?.catch(() => undefined);
      await Promise.all([...this.stoppers].map((stop) => stop()));
      for (const request of this.pending.values())
        request.reject(new Error('the embedded transport was closed'));
      const client = this.client;
      if (!client) return;
      if (!(await settlesWithin(client.endAsync(false), this.shutdownGraceMs))) await client.endAsync(true);
    })();
    return this.closing;
  }

  private async open(): Promise<void> {
    const clientId = `${this.clientName.replace(/[^A-Za-z0-9_-]/g, '_')}-${randomUUID().slice(0, 8)}`;
    const client = connect(this.url, {
      clientId,
      clean: true,
      manualConnect: true,
      reconnectPeriod: 1_000,
      connectTimeout: this.connectTimeoutMs,
      protocolVersion: 4,
      // We re-subscribe ourselves, to know when the replies and served subjects are routed to us again.
      resubscribe: false,
    } satisfies IClientOptions);
    client.on('message', (topic, payload) => this.route(topic, payload));
    await firstConnect(client, this.url, this.connectTimeoutMs);
    client.on('error', (error) => this.onError(error, `mqtt client ${clientId}`));
    client.on('offline', () => (this.subscribed = false));
    client.on('close', () => (this.subscribed = false));
    client.on('connect', () => void this.resubscribe(client));
    this.replyTopic = this.topics.replies(clientId);
    try {
      await client.subscribeAsync(this.replyTopic, { qos: 0 });
    } catch (error) {
      await client.endAsync(true);
      throw error;
    }
    this.client = client;
    this.subscribed = true;
  }

  private async resubscribe(client: MqttClient): Promise<void> {
    this.subscribed = false;
    try {
      await client.subscribeAsync([this.replyTopic, ...this.served.keys()], { qos: 0 });
      this.subscribed = client.connected;
    } catch (error) {
      this.onError(error, 'subscribing again after a reconnect');
    }
  }

  private async publishDeadLetter(
    durable: string,
    subject: string,
    frame: Frame,
    reason: string,
    attempt: number,
  ): Promise<void> {
    const client = this.client;
    if (!client) throw new Error('the embedded transport is not connected');
    const headers: Headers = {
      ...frame.headers,
      'x-dead-letter-reason': reason,
      'x-original-subject': subject,
      'x-dead-letter-consumer': durable,
      'x-dead-letter-attempts': String(attempt),
    };
    const topic = this.topics.deadLetter(durable, subject);
    await withTimeout(
      client.publishAsync(topic, encodeFrame({ headers, body: frame.body }), { qos: 1 }),
      this.publishTimeoutMs,
      `the embedded broker did not acknowledge the dead letter for ${subject} within ${this.publishTimeoutMs} ms`,
    );
  }

  private route(topic: string, payload: Buffer): void {
    let frame: Frame;
    try {
      frame = decodeFrame(payload);
    } catch (error) {
      this.onError(error, `message on ${topic}`);
      return;
    }
    if (topic === this.replyTopic) {
      const requestId = frame.headers[REQUEST_ID];
      const pending = requestId ? this.pending.get(requestId) : undefined;
      // A reply that arrives after its request timed out has nobody waiting for it.
      pending?.resolve({
        subject: pending.subject,
        headers: withoutTransportHeaders(frame.headers),
        body: frame.body,
      });
      return;
    }
    const served = this.served.get(topic);
    if (!served) return;
    const answering = this.answer(this.topics.subjectOfRequest(topic), frame, served.handler).finally(() =>
      served.inFlight.delete(answering),
    );
    served.inFlight.add(answering);
  }

  private async answer(subject: string, frame: Frame, handler: RequestHandler): Promise<void> {
    let reply: Reply;
    try {
      reply = await handler({ subject, headers: withoutTransportHeaders(frame.headers), body: frame.body });
    } catch (error) {
      this.onError(error, `request handler for ${subject}`);
      reply = HANDLER_FAILED_REPLY;
    }
    const replyTo = frame.headers[REPLY_TO];
    const requestId = frame.headers[REQUEST_ID];
    // Only reply topics: a forged x-reply-to must not make us publish into an event topic.
    if (!replyTo || !this.topics.isReplyTopic(replyTo) || !requestId || !this.client) return;
    this.client.publish(
      replyTo,
      encodeFrame({ headers: { ...reply.headers, [REQUEST_ID]: requestId }, body: reply.body }),
      { qos: 0 },
      (error) => {
        if (error) this.onError(error, `replying to ${subject}`);
      },
    );
  }

  private requireClient(): MqttClient {
    if (this.closing) throw new Error('the embedded transport is closed');
    if (!this.client) throw new Error('the embedded transport is not connected: call connect() first');
    return this.client;
  }
}
