import {
  AckPolicy,
  DeliverPolicy,
  DiscardPolicy,
  ErrorCode,
  Events,
  NatsError,
  RetentionPolicy,
  StorageType,
  connect,
  nanos,
  type ConsumerConfig,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
  type Msg,
  type NatsConnection,
} from 'nats';
import {
  NoRespondersError,
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
import { ConsumerLoop, type LoopHost } from './nats-consumer';
import { fromNatsHeaders, toNatsHeaders } from './nats-headers';

export interface NatsTransportOptions {
  /** How long close() / unsubscribe() wait for a running handler before giving up on it (it is then redelivered). */
  readonly shutdownGraceMs?: number;
  /** Errors that happen in the background (consume loops, request handlers). Defaults to console.warn. */
  readonly onError?: (error: unknown, context: string) => void;
  /**
   * Puts every subject, stream and dead letter of this transport under its own name (`t1f3.partners.…`,
   * stream `T1F3_PARTNERS`), so tests can share a NATS server. Handlers still see the plain subjects.
   */
  readonly namespace?: string;
}

const DEAD_LETTER_STREAM = 'DEAD_LETTERS';
const DEAD_LETTER_PREFIX = 'deadletter';
const DUPLICATE_WINDOW_MS = 2 * 60_000;
// JetStream API error codes (nats-server/server/errors.json).
const JS_STREAM_NOT_FOUND = 10059;
const JS_CONSUMER_NOT_FOUND = 10014;

const TOKEN = /^[A-Za-z0-9_-]+$/;

/** `partners.partner.registered.v1` → `partners`; refuses anything that is not a 4-token event subject. */
const eventContextOf = (subject: string): string => {
  const tokens = subject.split('.');
  const [context] = tokens;
  if (context === undefined || tokens.length !== 4 || !tokens.every((token) => TOKEN.test(token))) {
    throw new Error(`"${subject}" is not an event subject (<context>.<aggregate>.<event>.v<N>)`);
  }
  return context;
};

// Event streams capture `<context>.*.*.*`, so a 4-token request would be answered by JetStream with a PubAck.
const assertRequestSubject = (subject: string): void => {
  const tokens = subject.split('.');
  if (tokens.length === 4 || !tokens.every((token) => TOKEN.test(token))) {
    throw new Error(`"${subject}" is not a request subject (<context>.<aggregate>.<verb>, never 4 tokens)`);
  }
};

const assertToken = (value: string, what: string): void => {
  if (!TOKEN.test(value)) throw new Error(`${what} "${value}" may only contain letters, digits, "_" and "-"`);
};

const jsErrorCode = (error: unknown): number | undefined =>
  (error as { api_error?: { err_code?: number } } | undefined)?.api_error?.err_code;

interface Session {
  readonly connection: NatsConnection;
  readonly jetstream: JetStreamClient;
  readonly manager: JetStreamManager;
}

/**
 * Production bus: NATS core request-reply for queries and commands, JetStream for events.
 *
 * Events: one stream per bounded context (`PARTNERS` holds `partners.*.*.*`). A durable consumer
 * named `options.durable` is created on every stream that holds one of `options.subjects` (consumer
 * names are scoped to their stream, so the service name is used as is). nats-server 2.9 allows one
 * filter subject per consumer: with exactly one wanted subject in a stream the consumer filters on
 * it; with several it reads the whole stream and acknowledges the unwanted subjects itself, which
 * keeps the stream order across subjects (an aggregate's `registered` before its `renamed`).
 * Dead letters go to the stream `DEAD_LETTERS` as `deadletter.<durable>.<subject>`.
 */
export class NatsTransport implements Transport {
  readonly kind = 'nats' as const;

  private session: Session | undefined;
  private connecting: Promise<void> | undefined;
  private connected = false;
  private closing: Promise<void> | undefined;
  private readonly streams = new Map<string, Promise<void>>();
  private readonly stoppers = new Set<() => Promise<void>>();
  private readonly shutdownGraceMs: number;
  private readonly onError: (error: unknown, context: string) => void;
  private readonly namespace: string | undefined;

  constructor(
    private readonly servers: string | readonly string[],
    private readonly clientName: string,
    options: NatsTransportOptions = {},
  ) {
    this.shutdownGraceMs = options.shutdownGraceMs ?? 5_000;
    this.onError =
      options.onError ?? ((error, context) => console.warn(`[bus:nats] ${context}: ${describeError(error)}`));
    if (options.namespace !== undefined) assertToken(options.namespace, 'namespace');
    this.namespace = options.namespace;
  }

  connect(): Promise<void> {
    if (this.closing) return Promise.reject(new Error('the NATS transport is closed'));
    this.connecting ??= this.open().catch((error: unknown) => {
      this.connecting = undefined;
      throw error;
    });
    return this.connecting;
  }

  isConnected(): boolean {
    return (
      this.connected && !this.closing && this.session !== undefined && !this.session.connection.isClosed()
    );
  }

  async request(subject: string, body: string, headers: Headers, timeoutMs: number): Promise<InboundMessage> {
    assertRequestSubject(subject);
    const connection = this.requireConnection();
    try {
      const reply = await connection.request(this.wire(subject), body, {
        timeout: timeoutMs,
        headers: toNatsHeaders(headers),
      });
      return { subject, headers: fromNatsHeaders(reply.headers), body: reply.string() };
    } catch (error) {
      if (error instanceof NatsError && error.code === ErrorCode.Timeout)
        throw new TransportTimeoutError(subject, timeoutMs);
      if (error instanceof NatsError && error.code === ErrorCode.NoResponders)
        throw new NoRespondersError(subject);
      throw error;
    }
  }

  async serve(
    subject: string,
    queue: string,
    handler: (message: InboundMessage) => Promise<Reply>,
  ): Promise<Subscription> {
    assertRequestSubject(subject);
    const connection = this.requireConnection();
    const inFlight = new Set<Promise<void>>();
    const subscription = connection.subscribe(this.wire(subject), {
      queue,
      callback: (error, message) => {
        if (error) {
          this.onError(error, `subscription to ${subject}`);
          return;
        }
        const answering = this.answer(message, handler).finally(() => inFlight.delete(answering));
        inFlight.add(answering);
      },
    });
    // Resolve only once the server knows the subscription, so a request sent right after is routed to us.
    await connection.flush();
    let stopping: Promise<void> | undefined;
    const stop = (): Promise<void> =>
      (stopping ??= (async () => {
        this.stoppers.delete(stop);
        if (!subscription.isClosed())
          await subscription.drain().catch((error) => this.onError(error, `draining ${subject}`));
        await settlesWithin(Promise.allSettled(inFlight), this.shutdownGraceMs);
      })());
    this.stoppers.add(stop);
    return { unsubscribe: stop };
  }

  async publish(subject: string, body: string, headers: Headers): Promise<void> {
    const context = eventContextOf(subject);
    const jetstream = this.requireJetStream();
    const messageId = headers['x-message-id'];
    await this.publishToStream(
      this.streamNameOf(context),
      () => this.ensureEventStream(context),
      () =>
        jetstream.publish(this.wire(subject), body, {
          headers: toNatsHeaders(headers),
          ...(messageId ? { msgID: messageId } : {}),
        }),
    );
  }

  async consume(
    options: DurableConsumerOptions,
    handler: (delivery: Delivery) => Promise<void>,
  ): Promise<Subscription> {
    assertToken(options.durable, 'durable name');
    this.requireJetStream();
    const byStream = new Map<string, { context: string; subjects: string[] }>();
    for (const subject of new Set(options.subjects)) {
      const context = eventContextOf(subject);
      const stream = this.streamNameOf(context);
      byStream.set(stream, { context, subjects: [...(byStream.get(stream)?.subjects ?? []), subject] });
    }
    if (byStream.size === 0) throw new Error(`consumer ${options.durable} wants no subjects`);

    // One queue for all streams of this consumer: the handler never runs twice at the same time.
    let queue: Promise<unknown> = Promise.resolve();
    const serially = (work: () => Promise<void>): Promise<void> => {
      const next = queue.then(work);
      queue = next.catch(() => undefined);
      return next;
    };

    const host: LoopHost = {
      jetstream: () => this.liveJetStream(),
      unwire: (subject) => this.unwire(subject),
      report: (error, context) => this.onError(error, context),
      reensure: async (stream, context, subjects) => {
        this.streams.delete(stream);
        await this.ensureEventStream(context);
        await this.ensureConsumer(stream, subjects, options);
      },
      flush: () => this.liveConnection().flush(),
      deadLetter: (message, reason, attempt) => this.deadLetter(message, options.durable, reason, attempt),
    };
    const loops: ConsumerLoop[] = [];
    for (const [stream, { context, subjects }] of byStream) {
      await this.ensureEventStream(context);
      await this.ensureConsumer(stream, subjects, options);
      loops.push(new ConsumerLoop(host, stream, context, subjects, options, handler, serially));
    }
    for (const loop of loops) loop.start();

    let stopping: Promise<void> | undefined;
    const stop = (): Promise<void> =>
      (stopping ??= (async () => {
        this.stoppers.delete(stop);
        await Promise.all(loops.map((loop) => loop.stop(this.shutdownGraceMs)));
      })());
    this.stoppers.add(stop);
    return { unsubscribe: stop };
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.all([...this.stoppers].map((stop) => stop()));
      await this.connecting?.catch(() => undefined);
      const connection = this.session?.connection;
      this.connected = false;
      if (!connection || connection.isClosed()) return;
      const drained = connection.drain();
      if (!(await settlesWithin(drained, this.shutdownGraceMs))) await connection.close();
      await drained.catch(() => undefined);
    })();
    return this.closing;
  }

  // --- internals ------------------------------------------------------------------------------

  private async open(): Promise<void> {
    const connection = await connect({
      servers: typeof this.servers === 'string' ? this.servers : [...this.servers],
      name: this.clientName,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 1_000,
      // nats.js captures a stack (new Error()) per request for its own error messages; ours are
      // RemoteErrors named by subject. Measured: ~5 % of the gateway's CPU under load.
      noAsyncTraces: true,
    });
    let manager: JetStreamManager;
    try {
      manager = await connection.jetstreamManager();
    } catch (error) {
      await connection.close();
      throw new Error(`JetStream is not available on ${connection.getServer()}: ${describeError(error)}`);
    }
    this.session = { connection, jetstream: connection.jetstream(), manager };
    this.connected = true;
    try {
      // Created up front rather than at the first failure, so readers of dead letters never meet it
      // half-created (nats-server 2.9.10 crashes on a STREAM.MSG.GET for a stream being created).
      await this.ensureDeadLetterStream();
    } catch (error) {
      this.session = undefined;
      this.connected = false;
      await connection.close();
      throw error;
    }
    void this.watchStatus(connection).catch((error: unknown) =>
      this.onError(error, 'watching the connection status'),
    );
  }

  private async deadLetter(message: JsMsg, durable: string, reason: string, attempt: number): Promise<void> {
    const jetstream = this.liveJetStream();
    const subject = this.unwire(message.subject);
    const headers: Headers = {
      ...fromNatsHeaders(message.headers),
      'x-dead-letter-reason': reason,
      'x-original-subject': subject,
      'x-dead-letter-consumer': durable,
      'x-dead-letter-attempts': String(attempt),
    };
    await this.publishToStream(
      this.streamNameOf(DEAD_LETTER_STREAM),
      () => this.ensureDeadLetterStream(),
      () =>
        jetstream.publish(this.wire(`${DEAD_LETTER_PREFIX}.${durable}.${subject}`), message.data, {
          headers: toNatsHeaders(headers),
          // A crash between this publish and term() redelivers the message; the second copy is dropped.
          msgID: `${durable}:${message.info.stream}:${message.seq}`,
        }),
    );
    // No reason argument: nats-server 2.9.10 does not understand `+TERM <reason>` and would keep redelivering.
    message.term();
    await this.liveConnection().flush();
  }

  private async publishToStream(
    stream: string,
    ensure: () => Promise<void>,
    send: () => Promise<unknown>,
  ): Promise<void> {
    await ensure();
    try {
      await send();
    } catch (error) {
      if (!(error instanceof NatsError && error.code === ErrorCode.NoResponders)) throw error;
      // No stream took it: the one we made sure of earlier is gone (deleted, store reset). Create it again.
      this.streams.delete(stream);
      await ensure();
      await send();
    }
  }

  private async answer(message: Msg, handler: (message: InboundMessage) => Promise<Reply>): Promise<void> {
    const request: InboundMessage = {
      subject: this.unwire(message.subject),
      headers: fromNatsHeaders(message.headers),
      body: message.string(),
    };
    let reply: Reply;
    try {
      reply = await handler(request);
    } catch (error) {
      this.onError(error, `request handler for ${message.subject}`);
      reply = HANDLER_FAILED_REPLY;
    }
    if (!message.reply) return;
    try {
      message.respond(reply.body, { headers: toNatsHeaders(reply.headers) });
    } catch (error) {
      this.onError(error, `replying to ${message.subject}`);
    }
  }

  private ensureEventStream(context: string): Promise<void> {
    return this.ensureStream(this.streamNameOf(context), [this.wire(`${context}.*.*.*`)]);
  }

  private ensureDeadLetterStream(): Promise<void> {
    return this.ensureStream(this.streamNameOf(DEAD_LETTER_STREAM), [this.wire(`${DEAD_LETTER_PREFIX}.>`)]);
  }

  private streamNameOf(context: string): string {
    return (this.namespace ? `${this.namespace}_${context}` : context).toUpperCase();
  }

  private wire(subject: string): string {
    return this.namespace ? `${this.namespace}.${subject}` : subject;
  }

  private unwire(subject: string): string {
    return this.namespace && subject.startsWith(`${this.namespace}.`)
      ? subject.slice(this.namespace.length + 1)
      : subject;
  }

  private ensureStream(name: string, subjects: string[]): Promise<void> {
    let ensured = this.streams.get(name);
    if (!ensured) {
      ensured = this.createOrUpdateStream(name, subjects);
      this.streams.set(name, ensured);
      // A failure (server down, JetStream not ready) must not be cached: the next call tries again.
      ensured.catch(() => this.streams.delete(name));
    }
    return ensured;
  }

  private async createOrUpdateStream(name: string, subjects: string[]): Promise<void> {
    const manager = this.liveManager();
    try {
      const info = await manager.streams.info(name);
      const current = [...(info.config.subjects ?? [])].sort().join(' ');
      if (current !== [...subjects].sort().join(' ')) {
        // Only the subjects are ours to correct; limits, replicas and the like belong to operations.
        await manager.streams.update(name, { subjects });
      }
    } catch (error) {
      if (jsErrorCode(error) !== JS_STREAM_NOT_FOUND) throw error;
      try {
        await manager.streams.add({
          name,
          subjects,
          storage: StorageType.File,
          retention: RetentionPolicy.Limits,
          discard: DiscardPolicy.Old,
          duplicate_window: nanos(DUPLICATE_WINDOW_MS),
        });
      } catch (addError) {
        // Another process created it between our info and add.
        await manager.streams.info(name).catch(() => {
          throw addError;
        });
      }
    }
  }

  private async ensureConsumer(
    stream: string,
    subjects: readonly string[],
    options: DurableConsumerOptions,
  ): Promise<void> {
    const manager = this.liveManager();
    const [only, ...others] = subjects;
    const filter = only !== undefined && others.length === 0 ? this.wire(only) : '';
    const wanted: Partial<ConsumerConfig> = {
      ack_wait: nanos(options.ackWaitMs),
      max_deliver: options.maxDeliver,
      // Absent rather than '': nats.js puts the filter into the API subject, and a trailing '.' is refused.
      filter_subject: filter || undefined,
    };
    try {
      const info = await manager.consumers.info(stream, options.durable);
      const current = info.config;
      if (
        current.ack_wait !== wanted.ack_wait ||
        current.max_deliver !== wanted.max_deliver ||
        (current.filter_subject ?? '') !== filter
      ) {
        await manager.consumers.update(stream, options.durable, wanted);
      }
    } catch (error) {
      if (jsErrorCode(error) !== JS_CONSUMER_NOT_FOUND) throw error;
      await manager.consumers.add(stream, {
        ...wanted,
        durable_name: options.durable,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
      });
    }
  }

  private async watchStatus(connection: NatsConnection): Promise<void> {
    for await (const status of connection.status()) {
      if (status.type === Events.Disconnect) this.connected = false;
      if (status.type === Events.Reconnect) this.connected = true;
    }
  }

  private requireConnection(): NatsConnection {
    if (this.closing) throw new Error('the NATS transport is closed');
    return this.liveSession().connection;
  }

  private requireJetStream(): JetStreamClient {
    if (this.closing) throw new Error('the NATS transport is closed');
    return this.liveSession().jetstream;
  }

  // The internal paths keep working while close() waits for running handlers to settle.
  private liveSession(): Session {
    if (!this.session) throw new Error('the NATS transport is not connected: call connect() first');
    return this.session;
  }

  private liveConnection(): NatsConnection {
    return this.liveSession().connection;
  }

  private liveJetStream(): JetStreamClient {
    return this.liveSession().jetstream;
  }

  private liveManager(): JetStreamManager {
    return this.liveSession().manager;
  }
}
