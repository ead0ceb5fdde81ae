import type { ConsumerMessages, JetStreamClient, JsMsg } from 'nats';
import type { Delivery, DurableConsumerOptions } from './transport';
import { runHandler, settlesWithin, sleep, type Outcome } from './delivery';
import { fromNatsHeaders } from './nats-headers';

// Pull one message at a time: the handler runs sequentially, and every message buffered in the
// client ages towards ack_wait without being worked on (it would then be redelivered as a duplicate).
const PULL_BATCH = 1;
const RESTART_DELAY_MS = 1_000;

export interface LoopHost {
  jetstream(): JetStreamClient;
  unwire(subject: string): string;
  report(error: unknown, context: string): void;
  /** Re-creates stream and consumer when they vanished (deleted by an operator, server reset). */
  reensure(stream: string, context: string, subjects: readonly string[]): Promise<void>;
  flush(): Promise<void>;
  deadLetter(message: JsMsg, reason: string, attempt: number): Promise<void>;
}

/** Pulls one stream's durable consumer and hands the messages to the handler, across reconnects and resets. */
export class ConsumerLoop {
  private messages: ConsumerMessages | undefined;
  private current: Promise<void> = Promise.resolve();
  private stopped = false;
  private resolveStopped!: () => void;
  private readonly stoppedSignal = new Promise<void>((resolve) => (this.resolveStopped = resolve));
  private running: Promise<void> | undefined;

  constructor(
    private readonly host: LoopHost,
    private readonly stream: string,
    private readonly context: string,
    private readonly subjects: readonly string[],
    private readonly options: DurableConsumerOptions,
    private readonly handler: (delivery: Delivery) => Promise<void>,
    private readonly serially: (work: () => Promise<void>) => Promise<void>,
  ) {}

  start(): void {
    this.running = this.run();
  }

  async stop(graceMs: number): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.resolveStopped();
    this.messages?.stop();
    // A handler that does not finish in time is abandoned: its message is redelivered after ack_wait.
    await settlesWithin(this.current, graceMs);
    await settlesWithin(this.running ?? Promise.resolve(), graceMs);
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      try {
        if (failures > 0) await this.host.reensure(this.stream, this.context, this.subjects);
        const consumer = await this.host.jetstream().consumers.get(this.stream, this.options.durable);
        // abort_on_missing_resource: a deleted stream or consumer ends the iterator, and we re-create them.
        const messages = await consumer.consume({
          max_messages: PULL_BATCH,
          abort_on_missing_resource: true,
        });
        this.messages = messages;
        if (this.stopped) messages.stop();
        for await (const message of messages) {
          failures = 0;
          if (this.stopped) break;
          this.current = this.serially(() => this.deliver(message));
          await this.current.catch(() => undefined);
        }
        if (this.stopped) return;
        failures++;
      } catch (error) {
        if (this.stopped) return;
        failures++;
        this.host.report(error, `consumer ${this.options.durable} on ${this.stream}`);
      }
      await sleep(RESTART_DELAY_MS, this.stoppedSignal);
    }
  }

  private async deliver(message: JsMsg): Promise<void> {
    if (this.stopped) return;
    const subject = this.host.unwire(message.subject);
    if (this.subjects.length > 1 && !this.subjects.includes(subject)) {
      // The consumer reads the whole stream (one filter per consumer on nats-server 2.9): skip the rest.
      message.ack();
      return;
    }
    const attempt = message.info.redeliveryCount;
    const { maxDeliver, durable } = this.options;
    let outcome: Outcome | undefined;
    let settling: Promise<void> | undefined;

    const settle = (chosen: Outcome): Promise<void> => {
      if (settling) return settling;
      outcome = chosen;
      settling = this.apply(message, chosen, attempt);
      return settling;
    };

    await runHandler(this.handler, {
      subject,
      headers: fromNatsHeaders(message.headers),
      body: message.string(),
      attempt,
      maxDeliver,
      settle,
      isSettled: () => outcome !== undefined,
      isStopped: () => this.stopped,
      report: (error, context) => this.host.report(error, context),
    });
    await settling?.catch((error) => this.host.report(error, `settling ${subject} for ${durable}`));
  }

  private async apply(message: JsMsg, outcome: Outcome, attempt: number): Promise<void> {
    const { maxDeliver } = this.options;
    switch (outcome.kind) {
      case 'ack':
        await message.ackAck();
        return;
      case 'nak':
        if (attempt >= maxDeliver) {
          await this.host.deadLetter(
            message,
            `${outcome.reason} after the last allowed delivery (${attempt} of ${maxDeliver})`,
            attempt,
          );
          return;
        }
        message.nak(Math.max(0, Math.round(outcome.delayMs)));
        await this.host.flush();
        return;
      case 'dead-letter':
        await this.host.deadLetter(message, outcome.reason, attempt);
        return;
    }
  }
}
