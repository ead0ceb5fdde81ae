import { randomUUID } from 'node:crypto';
import { connect, type IClientOptions, type IPublishPacket, type MqttClient } from 'mqtt';
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
import {
  HANDLER_FAILED_REPLY,
  RETRY_AFTER_THROW_MS,
  describeError,
  runHandler,
  settlesWithin,
  sleep,
  type Outcome,
} from './delivery';

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

const RPC_PREFIX = 'rpc';
const REPLY_PREFIX = 'rpc-reply';
const EVENT_PREFIX = 'evt';
const DEAD_LETTER_PREFIX = 'deadletter';
const REPLY_TO = 'x-reply-to';
const REQUEST_ID = 'x-request-id';

const TOKEN = /^[A-Za-z0-9_-]+$/;

/** What travels in an MQTT payload: Aedes speaks MQTT 3.1.1, which has no user properties for headers. */
interface Frame {
  readonly headers: Headers;
  /** The message body as JSON text. */
  readonly body: string;
}

const encodeFrame = (frame: Frame): Buffer =>
  Buffer.from(JSON.stringify({ headers: frame.headers, body: frame.body }));

const decodeFrame = (payload: Buffer): Frame => {
  const value = JSON.parse(payload.toString('utf8')) as { headers?: unknown; body?: unknown };
  const headers = value.headers;
  if (
    typeof value.body !== 'string' ||
    typeof headers !== 'object' ||
    headers === null ||
    Array.isArray(headers)
  ) {
    throw new Error('not a bus frame ({ headers, body })');
  }
  const result: Headers = {};
  for (const [key, header] of Object.entries(headers)) if (typeof header === 'string') result[key] = header;
  return { headers: result, body: value.body };
};

/** `partners.partner.get` → `partners/partner/get`. */
const subjectToTopic = (subject: string): string => {
  const tokens = subject.split('.');
  if (!tokens.every((token) => TOKEN.test(token))) throw new Error(`"${subject}" is not a valid subject`);
  return tokens.join('/');
};

/** Subjects to topics: `rpc/<subject>`, `rpc-reply/<client id>`, `evt/<subject>`, `deadletter/<durable>/<subject>`. */
class Topics {
  private readonly root: string;

  constructor(namespace: string | undefined) {
    this.root = namespace ? `${namespace}/` : '';
  }

  request(subject: string): string {
    return `${this.root}${RPC_PREFIX}/${subjectToTopic(subject)}`;
  }

  replies(clientId: string): string {
    return `${this.root}${REPLY_PREFIX}/${clientId}`;
  }

  isReplyTopic(topic: string): boolean {
    return topic.startsWith(`${this.root}${REPLY_PREFIX}/`);
  }

  event(subject: string): string {
    return `${this.root}${EVENT_PREFIX}/${subjectToTopic(subject)}`;
  }

  deadLetter(durable: string, subject: string): string {
    return `${this.root}${DEAD_LETTER_PREFIX}/${durable}/${subjectToTopic(subject)}`;
  }

  subjectOfRequest(topic: string): string {
    return topic.slice(`${this.root}${RPC_PREFIX}/`.length).split('/').join('.');
  }

  subjectOfEvent(topic: string): string {
    return topic.slice(`${this.root}${EVENT_PREFIX}/`.length).split('/').join('.');
  }

  durableClientId(durable: string): string {
    return this.root ? `durable-${this.root.slice(0, -1)}-${durable}` : `durable-${durable}`;
  }
}

const assertEventSubject = (subject: string): void => {
  if (subject.split('.').length !== 4)
    throw new Error(`"${subject}" is not an event subject (<context>.<aggregate>.<event>.v<N>)`);
};

// Same rule as on NATS, so a subject that works here works in production.
const assertRequestSubject = (subject: string): void => {
  if (subject.split('.').length === 4)
    throw new Error(`"${subject}" is not a request subject (<context>.<aggregate>.<verb>, never 4 tokens)`);
};

const withoutTransportHeaders = (headers: Headers): Headers => {
  const { [REPLY_TO]: _replyTo, [REQUEST_ID]: _requestId, ...rest } = headers;
  return rest;
};

const withTimeout = <T>(promise: Promise<T>, ms: number, message: string): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(message)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });

const redact = (url: string): string => {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return 'the embedded broker';
  }
};

/** Waits for the first CONNACK; fails fast (like the NATS client) instead of retrying forever. */
const firstConnect = (client: MqttClient, url: string, timeoutMs: number): Promise<void> =>
  new Promise<void>((resolve, reject) => {
    const cleanup = (): void => {
      clearTimeout(timer);
      client.off('connect', onConnect);
      client.off('error', onFail);
      client.off('close', onClose);
    };
    const onConnect = (): void => {
      cleanup();
      resolve();
    };
    const onFail = (error: Error): void => {
      cleanup();
      client.end(true);
      reject(error);
    };
    const onClose = (): void => onFail(new Error(`cannot reach the embedded broker at ${redact(url)}`));
    const timer = setTimeout(
      () => onFail(new Error(`no answer from the embedded broker at ${redact(url)} within ${timeoutMs} ms`)),
      timeoutMs,
    );
    client.on('connect', onConnect);
    client.on('error', onFail);
    client.on('close', onClose);
    client.connect();
  });

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

interface ConsumerHost {
  readonly topics: Topics;
  readonly connectTimeoutMs: number;
  report(error: unknown, context: string): void;
  deadLetter(subject: string, frame: Frame, reason: string, attempt: number): Promise<void>;
}

/**
 * One durable consumer = one MQTT session: a fixed client id derived from the durable name,
 * `clean: false` and QoS 1 subscriptions, so the broker queues what is published while we are away.
 *
 * The PUBACK is what tells the broker a message is done, so it is sent only once the handler
 * acked or dead-lettered it. mqtt.js only lets a client delay its PUBACK through `handleMessage`
 * (`customHandleAcks` is ignored unless the protocol is MQTT 5, which Aedes 1.2 does not speak);
 * while a message is held, mqtt.js reads no further packets from this connection.
 */
class DurableMqttConsumer {
  private client: MqttClient | undefined;
  private queue: Promise<void> = Promise.resolve();
  private stopped = false;
  private stopping: Promise<void> | undefined;
  private resolveStopped!: () => void;
  private readonly stoppedSignal = new Promise<void>((resolve) => (this.resolveStopped = resolve));
  private resolveFirstDelivery!: () => void;
  private readonly firstDelivery = new Promise<void>((resolve) => (this.resolveFirstDelivery = resolve));
  private readonly topics: ReadonlySet<string>;

  constructor(
    private readonly url: string,
    private readonly options: DurableConsumerOptions,
    private readonly handler: (delivery: Delivery) => Promise<void>,
    private readonly host: ConsumerHost,
  ) {
    this.topics = new Set(options.subjects.map((subject) => host.topics.event(subject)));
  }

  async start(): Promise<void> {
    const client = connect(this.url, {
      clientId: this.host.topics.durableClientId(this.options.durable),
      clean: false,
      manualConnect: true,
      reconnectPeriod: 1_000,
      connectTimeout: this.host.connectTimeoutMs,
      protocolVersion: 4,
      // No keepalive: PINGRESPs are not read while a handler holds a message, so a slow handler
      // would look like a dead broker. The broker is on loopback: a dead peer closes the socket.
      keepalive: 0,
    } satisfies IClientOptions);
    client.handleMessage = (packet, done) => this.enqueue(packet, done);
    await firstConnect(client, this.url, this.host.connectTimeoutMs);
    client.on('error', (error) => this.host.report(error, `consumer ${this.options.durable}`));
    this.client = client;
    // A resumed session may start delivering before our SUBACK, and the SUBACK is then not read
    // until that delivery is handled: consuming has started either way.
    const subscribed = client.subscribeAsync([...this.topics], { qos: 1 }).then((grants) => {
      const refused = grants.filter((grant) => grant.qos !== 1 && grant.qos !== 0);
      if (refused.length > 0)
        throw new Error(`the broker refused ${refused.map((grant) => grant.topic).join(', ')}`);
    });
    subscribed.catch((error) => this.host.report(error, `subscribing ${this.options.durable}`));
    try {
      await Promise.race([subscribed, this.firstDelivery]);
    } catch (error) {
      this.stopped = true;
      await client.endAsync(true);
      throw error;
    }
  }

  stop(graceMs: number): Promise<void> {
    this.stopping ??= (async () => {
      this.stopped = true;
      this.resolveStopped();
      // A handler that does not finish in time is abandoned: without its PUBACK the broker keeps
      // the message in the session and sends it again (DUP) when this durable reconnects.
      const finished = await settlesWithin(this.queue, graceMs);
      const client = this.client;
      if (!client) return;
      if (!finished || !(await settlesWithin(client.endAsync(false), graceMs))) await client.endAsync(true);
    })();
    return this.stopping;
  }

  private enqueue(packet: IPublishPacket, done: (error?: Error) => void): void {
    this.resolveFirstDelivery();
    // Not acknowledged: stays in the session for the next start.
    if (this.stopped) return;
    this.queue = this.queue
      .then(() => this.process(packet, done))
      .catch((error) => this.host.report(error, `consumer ${this.options.durable}`));
  }

  private async process(packet: IPublishPacket, done: (error?: Error) => void): Promise<void> {
    if (this.stopped) return;
    let acknowledged = false;
    const acknowledge = (): void => {
      if (acknowledged) return;
      acknowledged = true;
      done();
    };
    if (!this.topics.has(packet.topic)) {
      // Left over from an earlier subject set of this durable session (MQTT subscriptions only add up).
      acknowledge();
      return;
    }
    const subject = this.host.topics.subjectOfEvent(packet.topic);
    const payload = Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload);
    let frame: Frame;
    try {
      frame = decodeFrame(payload);
    } catch (error) {
      const raw: Frame = { headers: {}, body: payload.toString('utf8') };
      await this.parkUntilDone(subject, raw, `malformed frame: ${describeError(error)}`, acknowledge);
      return;
    }

    let attempt = packet.dup ? 2 : 1;
    for (;;) {
      const retryAt = await this.deliverOnce(subject, frame, attempt, acknowledge);
      if (retryAt === undefined || this.stopped) return;
      // Still holding the PUBACK: MQTT would only redeliver after a reconnect.
      await sleep(Math.max(0, retryAt - Date.now()), this.stoppedSignal);
      if (this.stopped) return;
      attempt++;
    }
  }

  private async parkUntilDone(
    subject: string,
    frame: Frame,
    reason: string,
    acknowledge: () => void,
  ): Promise<void> {
    while (!this.stopped) {
      try {
        await this.host.deadLetter(subject, frame, reason, 1);
        acknowledge();
        return;
      } catch (error) {
        this.host.report(error, `parking a malformed message on ${subject}`);
        await sleep(RETRY_AFTER_THROW_MS, this.stoppedSignal);
      }
    }
  }

  /** Runs the handler once; returns undefined when the message is done, else the time (epoch ms) to deliver it again. */
  private async deliverOnce(
    subject: string,
    frame: Frame,
    attempt: number,
    acknowledge: () => void,
  ): Promise<number | undefined> {
    const { durable, maxDeliver, ackWaitMs } = this.options;
    const started = Date.now();
    let retryAt: number | undefined;
    let outcome: Outcome | undefined;
    let settling: Promise<void> | undefined;
    const deadLetter = async (reason: string): Promise<void> => {
      await this.host.deadLetter(subject, frame, reason, attempt);
      acknowledge();
    };
    const settle = (chosen: Outcome): Promise<void> => {
      if (settling) return settling;
      if (this.stopped)
        return Promise.reject(new Error(`consumer ${durable} stopped: the delivery will be redelivered`));
      outcome = chosen;
      switch (chosen.kind) {
        case 'ack':
          acknowledge();
          settling = Promise.resolve();
          break;
        case 'dead-letter':
          settling = deadLetter(chosen.reason);
          break;
        case 'nak':
          if (attempt >= maxDeliver) {
            settling = deadLetter(
              `${chosen.reason} after the last allowed delivery (${attempt} of ${maxDeliver})`,
            );
          } else {
            retryAt = Date.now() + Math.max(0, chosen.delayMs);
            settling = Promise.resolve();
          }
          break;
      }
      return settling;
    };

    await runHandler(this.handler, {
      subject,
      headers: frame.headers,
      body: frame.body,
      attempt,
      maxDeliver,
      settle,
      isSettled: () => outcome !== undefined,
      isStopped: () => this.stopped,
      report: (error, context) => this.host.report(error, context),
    });
    try {
      await settling;
    } catch (error) {
      // Parking failed (broker unreachable): keep the message and try the whole delivery again.
      this.host.report(error, `settling ${subject} for ${durable}`);
      return Date.now() + RETRY_AFTER_THROW_MS;
    }
    // Neither acked nor failed: redeliver once the ack wait is over, as JetStream does.
    if (!outcome) return started + ackWaitMs;
    return retryAt;
  }
}
