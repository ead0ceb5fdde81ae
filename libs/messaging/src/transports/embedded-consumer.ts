import { connect, type IClientOptions, type IPublishPacket, type MqttClient } from 'mqtt';
import type { Delivery, DurableConsumerOptions } from './transport';
import {
  RETRY_AFTER_THROW_MS,
  describeError,
  runHandler,
  settlesWithin,
  sleep,
  type Outcome,
} from './delivery';
import { decodeFrame, firstConnect, type Frame, type Topics } from './embedded-wire';

export interface ConsumerHost {
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
export class DurableMqttConsumer {
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
    // Every event topic, the subjects filtered here: the same single subscription as a session
    // created ahead by holdEventsFor, so none overlaps (Aedes would deliver once per overlapping
    // subscription) and a change of subjects leaves nothing behind.
    const subscribed = client.subscribeAsync(this.host.topics.allEvents(), { qos: 1 }).then((grants) => {
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
      // Not one of our subjects (or left over from a subject set of an earlier version).
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
