import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, connect as tcpConnect, type AddressInfo, type Socket } from 'node:net';
import { connect as mqttConnect, type MqttClient } from 'mqtt';
import { connect as natsConnect, type NatsConnection } from 'nats';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  EmbeddedTransport,
  NatsTransport,
  NoRespondersError,
  TransportTimeoutError,
  createTransport,
  startEmbeddedBroker,
  type Delivery,
  type DurableConsumerOptions,
  type EmbeddedBroker,
  type Headers,
  type Transport,
} from './index';

// Adapter-specific behaviour is defined only for the adapters that have it, so nothing shows as skipped.
const itIf = (condition: boolean): typeof it =>
  condition ? it : ((() => undefined) as unknown as typeof it);

// One contract, two buses: the embedded broker always; NATS/JetStream when TEST_NATS_URL is set.

const REGISTERED = 'partners.partner.registered.v1';
const RENAMED = 'partners.partner.renamed.v1';
const SUSPENDED = 'partners.partner.suspended.v1';
const SIGNED = 'agreements.agreement.signed.v1';
const GET_PARTNER = 'partners.partner.get';

const runId = randomBytes(3).toString('hex');
const natsUrl = process.env.TEST_NATS_URL;

interface DeadLetter {
  readonly headers: Headers;
  readonly body: string;
}

interface TransportSettings {
  /** Isolates one test's subjects, streams and sessions from the others' (the bus outlives a test). */
  readonly namespace: string;
  /** Short, so "the consumer died" tests do not wait for a handler that never returns. */
  readonly shutdownGraceMs?: number;
  /** Connect through this URL instead of the bus's own (a proxy that can cut connections). */
  readonly url?: string;
}

interface Adapter {
  readonly title: string;
  readonly skipped: boolean;
  /** NATS answers "no responders" at once; over MQTT a request nobody serves can only time out. */
  readonly detectsNoResponders: boolean;
  /** JetStream drops a re-published x-message-id inside its duplicate window; MQTT leaves it to the inbox. */
  readonly deduplicates: boolean;
  setUp(): Promise<void>;
  tearDown(): Promise<void>;
  /** Deletes the namespace's streams, as an operator or a reset JetStream store would (NATS only). */
  deleteStreams?(namespace: string): Promise<void>;
  /** host:port of the bus, for the proxy. */
  address(): { host: string; port: number };
  url(): string;
  transport(name: string, settings: TransportSettings): Transport;
  /** Starts listening for dead letters of `durable` (before they are produced: MQTT keeps nothing for absent subscribers). */
  watchDeadLetters(
    namespace: string,
    durable: string,
  ): Promise<{ next(): Promise<DeadLetter>; stop(): Promise<void> }>;
}

const waitFor = async (condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const embeddedAdapter = (): Adapter => {
  let broker: EmbeddedBroker | undefined;
  const url = (): string => `mqtt://127.0.0.1:${broker!.port}`;
  return {
    title: 'embedded (Aedes over MQTT 3.1.1)',
    skipped: false,
    detectsNoResponders: false,
    deduplicates: false,
    async setUp() {
      broker = await startEmbeddedBroker({ port: 0 });
    },
    async tearDown() {
      await broker?.close();
    },
    address: () => ({ host: '127.0.0.1', port: broker!.port }),
    url,
    transport: (name, { namespace, url: via, shutdownGraceMs }) =>
      new EmbeddedTransport(via ?? url(), name, { namespace, shutdownGraceMs, onError: () => undefined }),
    async watchDeadLetters(namespace, durable) {
      const received: DeadLetter[] = [];
      const client: MqttClient = await new Promise((resolve, reject) => {
        const c = mqttConnect(url(), { clientId: `dead-letter-watch-${randomUUID().slice(0, 8)}` });
        c.once('connect', () => resolve(c));
        c.once('error', reject);
      });
      client.on('message', (_topic, payload) => received.push(JSON.parse(payload.toString()) as DeadLetter));
      await client.subscribeAsync(`${namespace}/deadletter/${durable}/#`, { qos: 1 });
      return {
        next: async () => {
          await waitFor(() => received.length > 0, `a dead letter of ${durable}`);
          return received.shift()!;
        },
        stop: () => client.endAsync(),
      };
    },
  };
};

const natsAdapter = (): Adapter => {
  let admin: NatsConnection | undefined;
  const address = (): { host: string; port: number } => {
    const parsed = new URL(natsUrl ?? 'nats://127.0.0.1:4222');
    return { host: parsed.hostname, port: Number(parsed.port || 4222) };
  };
  return {
    title: natsUrl
      ? `nats (JetStream at ${natsUrl})`
      : 'nats — skipped: set TEST_NATS_URL=nats://127.0.0.1:4222 to run it',
    skipped: !natsUrl,
    detectsNoResponders: true,
    deduplicates: true,
    async setUp() {
      admin = await natsConnect({ servers: natsUrl });
    },
    async tearDown() {
      if (!admin) return;
      const manager = await admin.jetstreamManager();
      // Everything this run created is under its namespaces: the server is shared and persistent.
      // Names only: listing full stream infos would also touch streams other sessions are creating.
      for await (const name of manager.streams.names()) {
        if (name.startsWith(`CT${runId.toUpperCase()}`)) await manager.streams.delete(name);
      }
      await admin.close();
    },
    async deleteStreams(namespace) {
      const manager = await admin!.jetstreamManager();
      for await (const name of manager.streams.names()) {
        if (name.startsWith(`${namespace.toUpperCase()}_`)) await manager.streams.delete(name);
      }
    },
    address,
    url: () => natsUrl!,
    transport: (name, { namespace, url: via, shutdownGraceMs }) =>
      new NatsTransport(via ?? natsUrl!, name, { namespace, shutdownGraceMs, onError: () => undefined }),
    async watchDeadLetters(namespace, durable) {
      const connection = admin!;
      const manager = await connection.jetstreamManager();
      const stream = `${namespace.toUpperCase()}_DEAD_LETTERS`;
      const received: DeadLetter[] = [];
      const subscription = connection.subscribe(`${namespace}.deadletter.${durable}.>`, {
        callback: (error, message) => {
          if (error) return;
          const headers: Headers = {};
          for (const key of message.headers?.keys() ?? []) headers[key] = message.headers!.get(key);
          received.push({ headers, body: message.string() });
        },
      });
      await connection.flush();
      return {
        next: async () => {
          await waitFor(() => received.length > 0, `a dead letter of ${durable}`);
          // The copy must also be stored. Plain STREAM.INFO only: nats-server 2.9.10 crashes (nil store) on
          // STREAM.MSG.GET or a subjects_filter STREAM.INFO that arrives while a stream is being created.
          const deadline = Date.now() + 5_000;
          while ((await manager.streams.info(stream)).state.messages < 1) {
            if (Date.now() > deadline)
              throw new Error(`the dead letter of ${durable} was not stored in ${stream}`);
            await delay(50);
          }
          return received.shift()!;
        },
        stop: async () => subscription.unsubscribe(),
      };
    },
  };
};

/** A TCP proxy in front of the bus whose connections can be cut, as a network failure would. */
const startProxy = async (target: { host: string; port: number }) => {
  const sockets = new Set<Socket>();
  const server = createServer((inbound) => {
    const outbound = tcpConnect(target.port, target.host);
    for (const socket of [inbound, outbound]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    inbound.pipe(outbound).pipe(inbound);
    inbound.on('close', () => outbound.destroy());
    outbound.on('close', () => inbound.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    cutAll: () => {
      for (const socket of sockets) socket.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
};

const headersFor = (messageId = randomUUID()): Headers => ({
  'x-message-id': messageId,
  'x-correlation-id': randomUUID(),
  'x-producer': 'partners-service',
});

describe.each([embeddedAdapter(), natsAdapter()])('transport contract: $title', (adapter) => {
  describe.skipIf(adapter.skipped)('behaves as the Transport interface promises', () => {
    // JetStream consumers start from the beginning of the stream (deliver policy all), so each test
    // gets its own namespace: a fresh durable must not replay the events of the tests before it.
    let namespace = '';
    let testCounter = 0;
    let opened: Transport[] = [];
    let producer: Transport;

    const open = async (
      name: string,
      settings: Omit<TransportSettings, 'namespace'> = {},
    ): Promise<Transport> => {
      const transport = adapter.transport(`${name}-${runId}`, { ...settings, namespace });
      opened.push(transport);
      await transport.connect();
      return transport;
    };

    const durableName = (label: string): string => `${label}-${runId}`;

    const consumerOptions = (
      durable: string,
      overrides: Partial<DurableConsumerOptions> = {},
    ): DurableConsumerOptions => ({
      durable,
      subjects: [REGISTERED],
      maxDeliver: 5,
      ackWaitMs: 1_000,
      ...overrides,
    });

    const publishRegistered = (n: number, headers = headersFor()): Promise<void> =>
      producer.publish(REGISTERED, JSON.stringify({ n }), headers);

    beforeAll(async () => {
      await adapter.setUp();
    });

    beforeEach(async () => {
      namespace = `ct${runId}t${++testCounter}`;
      producer = await open('producer');
    });

    afterEach(async () => {
      await Promise.all(opened.map((transport) => transport.close()));
      opened = [];
    });

    afterAll(async () => {
      await adapter.tearDown();
    });

    describe('request-reply', () => {
      it('answers a request with the reply body and headers, and hands the request headers to the responder', async () => {
        const responder = await open('responder');
        const seen: { subject: string; headers: Headers; body: string }[] = [];
        const served = await responder.serve(GET_PARTNER, 'partners-service', async (message) => {
          seen.push(message);
          const { id } = JSON.parse(message.body) as { id: string };
          return {
            headers: { 'x-correlation-id': message.headers['x-correlation-id'] ?? '' },
            body: JSON.stringify({ ok: true, data: { id } }),
          };
        });
        const headers = { 'x-correlation-id': 'corr-1', 'x-actor': 'alice' };

        const reply = await producer.request(GET_PARTNER, JSON.stringify({ id: 'p-1' }), headers, 2_000);

        expect(JSON.parse(reply.body)).toEqual({ ok: true, data: { id: 'p-1' } });
        expect(reply.headers['x-correlation-id']).toBe('corr-1');
        expect(seen).toEqual([{ subject: GET_PARTNER, headers, body: JSON.stringify({ id: 'p-1' }) }]);
        await served.unsubscribe();
      });

      it('answers concurrent requests each with its own reply', async () => {
        const responder = await open('echo');
        const served = await responder.serve('partners.partner.echo', 'partners-service', async (message) => {
          await delay(Math.random() * 20);
          return { headers: {}, body: message.body };
        });
        const bodies = Array.from({ length: 20 }, (_, i) => JSON.stringify({ i }));

        const replies = await Promise.all(
          bodies.map((body) => producer.request('partners.partner.echo', body, {}, 2_000)),
        );

        expect(replies.map((reply) => reply.body)).toEqual(bodies);
        await served.unsubscribe();
      });

      it('rejects with TransportTimeoutError when the responder does not answer in time', async () => {
        const responder = await open('slow');
        const served = await responder.serve('partners.partner.slow', 'partners-service', async () => {
          await delay(1_000);
          return { headers: {}, body: '{}' };
        });

        await expect(producer.request('partners.partner.slow', '{}', {}, 200)).rejects.toBeInstanceOf(
          TransportTimeoutError,
        );
        await served.unsubscribe();
      });

      itIf(adapter.detectsNoResponders)(
        'rejects with NoRespondersError at once when nobody serves the subject',
        async () => {
          const started = Date.now();

          await expect(producer.request('partners.nobody.home', '{}', {}, 5_000)).rejects.toBeInstanceOf(
            NoRespondersError,
          );
          expect(Date.now() - started).toBeLessThan(1_000);
        },
      );

      itIf(!adapter.detectsNoResponders)(
        'rejects with TransportTimeoutError when nobody serves the subject (MQTT cannot tell)',
        async () => {
          await expect(producer.request('partners.nobody.home', '{}', {}, 200)).rejects.toBeInstanceOf(
            TransportTimeoutError,
          );
        },
      );

      it('stops answering once the responder unsubscribed', async () => {
        const responder = await open('leaving');
        const served = await responder.serve('partners.partner.leaving', 'partners-service', async () => ({
          headers: {},
          body: '{}',
        }));
        await producer.request('partners.partner.leaving', '{}', {}, 2_000);

        await served.unsubscribe();

        await expect(producer.request('partners.partner.leaving', '{}', {}, 300)).rejects.toSatisfy(
          (error) => error instanceof TransportTimeoutError || error instanceof NoRespondersError,
        );
      });
    });

    describe('durable events', () => {
      it('delivers a published event to a durable consumer with its headers and body, as attempt 1', async () => {
        const consumer = await open('consumer');
        const deliveries: Delivery[] = [];
        const subscription = await consumer.consume(
          consumerOptions(durableName('plain')),
          async (delivery) => {
            deliveries.push(delivery);
            await delivery.ack();
          },
        );
        const headers = headersFor();

        await producer.publish(REGISTERED, JSON.stringify({ name: 'Sida' }), headers);

        await waitFor(() => deliveries.length === 1, 'the delivery');
        const [delivery] = deliveries;
        expect(delivery!.subject).toBe(REGISTERED);
        expect(delivery!.body).toBe(JSON.stringify({ name: 'Sida' }));
        expect(delivery!.headers).toEqual(headers);
        expect(delivery!.attempt).toBe(1);
        await subscription.unsubscribe();
      });

      it('delivers every event published while the consumer was down once it comes back', async () => {
        const durable = durableName('offline');
        const first = await open('offline-1');
        const before = await first.consume(consumerOptions(durable), async (delivery) => delivery.ack());
        await before.unsubscribe();
        await first.close();

        for (let n = 0; n < 10; n++) await publishRegistered(n);

        const second = await open('offline-2');
        const received: number[] = [];
        const after = await second.consume(consumerOptions(durable), async (delivery) => {
          received.push((JSON.parse(delivery.body) as { n: number }).n);
          await delivery.ack();
        });
        await waitFor(() => received.length >= 10, 'the events published while down');
        expect(received).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        await after.unsubscribe();
      });

      it('redelivers a delivery that was never acknowledged when its consumer died, with attempt ≥ 2', async () => {
        const durable = durableName('crash');
        const options = consumerOptions(durable, { ackWaitMs: 1_000 });
        const doomed = await open('crash-1', { shutdownGraceMs: 50 });
        const seen: Delivery[] = [];
        await doomed.consume(options, async (delivery) => {
          seen.push(delivery);
          await new Promise<never>(() => undefined); // hangs until the process "dies"
        });
        const id = randomUUID();
        await publishRegistered(1, headersFor(id));
        await waitFor(() => seen.length === 1, 'the first delivery');

        await doomed.close();

        const survivor = await open('crash-2');
        const redelivered: Delivery[] = [];
        const subscription = await survivor.consume(options, async (delivery) => {
          redelivered.push(delivery);
          await delivery.ack();
        });
        await waitFor(() => redelivered.length === 1, 'the redelivery', 5_000);
        expect(redelivered[0]!.headers['x-message-id']).toBe(id);
        expect(redelivered[0]!.attempt).toBeGreaterThanOrEqual(2);
        await subscription.unsubscribe();
      });

      it('redelivers after nak(delay), not before the delay, with attempt + 1', async () => {
        const consumer = await open('nak');
        const attempts: { attempt: number; at: number }[] = [];
        const subscription = await consumer.consume(consumerOptions(durableName('nak')), async (delivery) => {
          attempts.push({ attempt: delivery.attempt, at: Date.now() });
          if (delivery.attempt === 1) await delivery.nak(300);
          else await delivery.ack();
        });

        await publishRegistered(1);

        await waitFor(() => attempts.length === 2, 'the redelivery');
        expect(attempts.map((a) => a.attempt)).toEqual([1, 2]);
        expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(250);
        await delay(300);
        expect(attempts).toHaveLength(2);
        await subscription.unsubscribe();
      });

      it('treats a handler that throws as a failed attempt and delivers again with attempt + 1', async () => {
        const consumer = await open('throws');
        const attempts: number[] = [];
        const subscription = await consumer.consume(
          consumerOptions(durableName('throws')),
          async (delivery) => {
            attempts.push(delivery.attempt);
            if (delivery.attempt === 1) throw new Error('database briefly unavailable');
            await delivery.ack();
          },
        );

        await publishRegistered(1);

        await waitFor(() => attempts.length === 2, 'the retry after the throw', 4_000);
        expect(attempts).toEqual([1, 2]);
        await subscription.unsubscribe();
      });

      it('parks a dead-lettered event with its reason and the original headers, and does not deliver it again', async () => {
        const durable = durableName('poison');
        const watch = await adapter.watchDeadLetters(namespace, durable);
        const consumer = await open('poison');
        const deliveries: Delivery[] = [];
        const subscription = await consumer.consume(
          consumerOptions(durable, { ackWaitMs: 500 }),
          async (delivery) => {
            deliveries.push(delivery);
            await delivery.deadLetter('invalid payload: name: required');
          },
        );
        const headers = headersFor();

        await producer.publish(REGISTERED, JSON.stringify({ nameless: true }), headers);

        const parked = await watch.next();
        expect(parked.body).toBe(JSON.stringify({ nameless: true }));
        expect(parked.headers).toMatchObject({
          ...headers,
          'x-dead-letter-reason': 'invalid payload: name: required',
          'x-original-subject': REGISTERED,
          'x-dead-letter-consumer': durable,
        });
        await delay(900); // longer than ack wait: a message still pending would be back by now
        expect(deliveries).toHaveLength(1);
        await subscription.unsubscribe();
        await watch.stop();
      });

      it('dead-letters a delivery that still fails on its last allowed attempt instead of dropping it', async () => {
        const durable = durableName('exhausted');
        const watch = await adapter.watchDeadLetters(namespace, durable);
        const consumer = await open('exhausted');
        const attempts: number[] = [];
        const subscription = await consumer.consume(
          consumerOptions(durable, { maxDeliver: 3 }),
          async (delivery) => {
            attempts.push(delivery.attempt);
            await delivery.nak(20);
          },
        );

        await publishRegistered(1);

        const parked = await watch.next();
        expect(attempts).toEqual([1, 2, 3]);
        expect(parked.headers['x-dead-letter-reason']).toContain('last allowed delivery');
        await subscription.unsubscribe();
        await watch.stop();
      });

      itIf(adapter.deduplicates)(
        'delivers an event re-published with the same x-message-id only once',
        async () => {
          const consumer = await open('dedup');
          const ids: string[] = [];
          const subscription = await consumer.consume(
            consumerOptions(durableName('dedup')),
            async (delivery) => {
              ids.push(delivery.headers['x-message-id']!);
              await delivery.ack();
            },
          );
          const duplicate = randomUUID();
          const marker = randomUUID();

          await publishRegistered(1, headersFor(duplicate));
          await publishRegistered(1, headersFor(duplicate));
          await publishRegistered(2, headersFor(marker));

          await waitFor(() => ids.includes(marker), 'the marker event');
          expect(ids).toEqual([duplicate, marker]);
          await subscription.unsubscribe();
        },
      );

      itIf(!adapter.deduplicates)(
        'delivers a re-published x-message-id again: deduplication is the consumer inbox’s job here',
        async () => {
          const consumer = await open('dedup');
          const ids: string[] = [];
          const subscription = await consumer.consume(
            consumerOptions(durableName('dedup')),
            async (delivery) => {
              ids.push(delivery.headers['x-message-id']!);
              await delivery.ack();
            },
          );
          const duplicate = randomUUID();

          await publishRegistered(1, headersFor(duplicate));
          await publishRegistered(1, headersFor(duplicate));

          await waitFor(() => ids.length === 2, 'both copies');
          expect(ids).toEqual([duplicate, duplicate]);
          await subscription.unsubscribe();
        },
      );

      it('never runs two handler calls of one consumer at the same time, across subjects and retries', async () => {
        const consumer = await open('sequential');
        let running = 0;
        let mostAtOnce = 0;
        const done = new Set<string>();
        const subscription = await consumer.consume(
          consumerOptions(durableName('sequential'), { subjects: [REGISTERED, SIGNED] }),
          async (delivery) => {
            running++;
            mostAtOnce = Math.max(mostAtOnce, running);
            await delay(Math.random() * 10);
            running--;
            const { n } = JSON.parse(delivery.body) as { n: number };
            if (n % 5 === 0 && delivery.attempt === 1) return delivery.nak(30);
            done.add(`${delivery.subject}:${n}`);
            return delivery.ack();
          },
        );

        await Promise.all(
          Array.from({ length: 15 }, (_, n) => [
            producer.publish(REGISTERED, JSON.stringify({ n }), headersFor()),
            producer.publish(SIGNED, JSON.stringify({ n }), headersFor()),
          ]).flat(),
        );

        await waitFor(() => done.size === 30, 'all 30 events');
        expect(mostAtOnce).toBe(1);
        await subscription.unsubscribe();
      });

      it('delivers only the wanted subjects of a context, in publish order across them', async () => {
        const consumer = await open('filter');
        const received: string[] = [];
        const subscription = await consumer.consume(
          consumerOptions(durableName('filter'), { subjects: [REGISTERED, SUSPENDED] }),
          async (delivery) => {
            received.push(
              `${delivery.subject.split('.')[2]}:${(JSON.parse(delivery.body) as { n: number }).n}`,
            );
            await delivery.ack();
          },
        );

        for (const [subject, n] of [
          [REGISTERED, 1],
          [RENAMED, 2],
          [SUSPENDED, 3],
          [RENAMED, 4],
          [REGISTERED, 5],
        ] as const) {
          await producer.publish(subject, JSON.stringify({ n }), headersFor());
        }

        await waitFor(() => received.length === 3, 'the three wanted events');
        await delay(100);
        expect(received).toEqual(['registered:1', 'suspended:3', 'registered:5']);
        await subscription.unsubscribe();
      });

      it('keeps its position when the same durable later wants more subjects of the context', async () => {
        const durable = durableName('growing');
        const received: string[] = [];
        const record = async (delivery: Delivery): Promise<void> => {
          received.push(
            `${delivery.subject.split('.')[2]}:${(JSON.parse(delivery.body) as { n: number }).n}`,
          );
          await delivery.ack();
        };
        const before = await (await open('growing-1')).consume(consumerOptions(durable), record);
        await publishRegistered(1);
        await waitFor(() => received.length === 1, 'the first event');
        await before.unsubscribe();

        const after = await (
          await open('growing-2')
        ).consume(consumerOptions(durable, { subjects: [REGISTERED, SUSPENDED] }), record);
        await producer.publish(SUSPENDED, JSON.stringify({ n: 2 }), headersFor());
        await publishRegistered(3);

        await waitFor(() => received.length === 3, 'the events after the change');
        await delay(100);
        expect(received).toEqual(['registered:1', 'suspended:2', 'registered:3']);
        await after.unsubscribe();
      });

      it('delivers 200 events published concurrently in publish order', async () => {
        const consumer = await open('ordered');
        const received: number[] = [];
        const subscription = await consumer.consume(
          consumerOptions(durableName('ordered')),
          async (delivery) => {
            received.push((JSON.parse(delivery.body) as { n: number }).n);
            await delivery.ack();
          },
        );

        // As the outbox relay does: a batch published without waiting for each PubAck.
        await Promise.all(Array.from({ length: 200 }, (_, n) => publishRegistered(n)));

        await waitFor(() => received.length >= 200, '200 events', 10_000);
        expect(received).toEqual(Array.from({ length: 200 }, (_, n) => n));
        await subscription.unsubscribe();
      });

      itIf(adapter.deleteStreams !== undefined)(
        're-creates a deleted stream and consumer, then keeps publishing and consuming',
        async () => {
          const consumer = await open('reset');
          const received: number[] = [];
          const subscription = await consumer.consume(
            consumerOptions(durableName('reset')),
            async (delivery) => {
              received.push((JSON.parse(delivery.body) as { n: number }).n);
              await delivery.ack();
            },
          );
          await publishRegistered(1);
          await waitFor(() => received.length === 1, 'the event before the reset');

          await adapter.deleteStreams!(namespace);
          await publishRegistered(2);

          await waitFor(() => received.includes(2), 'the event after the reset', 8_000);
          await subscription.unsubscribe();
        },
      );

      it('keeps consuming and serving after the connection to the broker was cut', async () => {
        const proxy = await startProxy(adapter.address());
        try {
          const url = adapter.url().replace(/:\/\/[^/]+/, `://127.0.0.1:${proxy.port}`);
          const flaky = await open('flaky', { url });
          const received: number[] = [];
          const subscription = await flaky.consume(
            consumerOptions(durableName('flaky')),
            async (delivery) => {
              received.push((JSON.parse(delivery.body) as { n: number }).n);
              await delivery.ack();
            },
          );
          const served = await flaky.serve('partners.partner.flaky', 'partners-service', async () => ({
            headers: {},
            body: '"pong"',
          }));
          await publishRegistered(1);
          await waitFor(() => received.length === 1, 'the event before the cut');

          proxy.cutAll();
          await publishRegistered(2);

          await waitFor(() => received.includes(2), 'the event after the cut', 8_000);
          await waitFor(() => flaky.isConnected(), 'the reconnect');
          const reply = await producer.request('partners.partner.flaky', '{}', {}, 2_000);
          expect(reply.body).toBe('"pong"');
          await served.unsubscribe();
          await subscription.unsubscribe();
        } finally {
          await proxy.close();
        }
      });
    });

    describe('lifecycle', () => {
      it('refuses a publish on a subject that is not a 4-token event subject', async () => {
        await expect(producer.publish('partners.partner.get', '{}', headersFor())).rejects.toThrow(
          /not an event subject/,
        );
      });

      it('fails to connect with an error when the broker cannot be reached', async () => {
        const unreachable = adapter.url().replace(/:\/\/[^/]+/, '://127.0.0.1:1');
        const transport = adapter.transport('unreachable', { namespace, url: unreachable });

        await expect(transport.connect()).rejects.toThrow();
        expect(transport.isConnected()).toBe(false);
      });

      it('reports connected while open and can be closed twice', async () => {
        const transport = await open('lifecycle');
        expect(transport.isConnected()).toBe(true);

        await transport.close();
        await transport.close();

        expect(transport.isConnected()).toBe(false);
      });

      it('is chosen by createTransport from the bus URL scheme', () => {
        expect(createTransport(adapter.url(), 'chooser').kind).toBe(
          adapter.url().startsWith('nats:') ? 'nats' : 'embedded',
        );
        expect(() => createTransport('amqp://guest:secret@localhost', 'chooser')).toThrow(
          /unsupported bus URL \(amqp:\/\/\)/,
        );
      });
    });
  });
});
