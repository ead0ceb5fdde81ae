import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { connectAsync as connectMqtt, type MqttClient } from 'mqtt';
import { connect as connectNats, type NatsConnection } from 'nats';
import type { Partner } from '@pardev/contracts';
import {
  MessageBus,
  createTransport,
  processRequest,
  startEmbeddedBroker,
  type Transport,
} from '@pardev/messaging';
import { childReady } from './children';

// Request-reply over the bus: our messaging layer (MessageBus → Transport → processRequest, i.e.
// envelope headers, JSON codec, contract validation on both sides, reply frames) against the bare
// client library doing the same round trip with the same payload bytes and nothing else.

export const SUBJECT = 'partners.partner.get';
/** Raw baselines use their own subject so they never reach our transport's subscription. */
const RAW_SUBJECT = 'bench.raw.get';

export const fixedPartner: Partner = {
  id: '0190f6a1-6c2e-7cc4-9a51-3f0c4a2b9d10',
  name: 'Norwegian Agency for Development Cooperation',
  acronym: 'Norad',
  organisationType: '10',
  category: 'GOVERNMENT_OECD_DAC',
  country: 'NO',
  legalName: null,
  iatiIdentifier: 'XM-DAC-8-4',
  ownership: 'PUBLIC',
  region: 'EUROPE_CENTRAL_ASIA',
  parentPartnerId: null,
  tags: [],
  notes: null,
  responsibleOfficerId: null,
  delegateIds: [],
  status: 'ACTIVE',
  blockedForNewAgreements: false,
  version: 1,
  createdAt: '2025-01-15T09:30:00.000Z',
  updatedAt: '2025-01-15T09:30:00.000Z',
};
export const requestPayload = { id: fixedPartner.id };
/** Exactly the bytes our layer sends and answers (request body, reply frame body). */
const requestBytes = Buffer.from(JSON.stringify(requestPayload));
const replyBytes = Buffer.from(JSON.stringify({ ok: true, data: fixedPartner }));

export interface ResponderConfig {
  readonly natsUrl: string;
  readonly mqttUrl?: string | undefined;
  readonly namespace: string;
}

const quiet = (error: unknown, context: string): void =>
  console.warn(`[bench responder] ${context}: ${String(error)}`);
// The fixed handler cannot fail; processRequest still wants a sink for unexpected errors.
const ignoreUnexpected = (): void => undefined;

/** Child process `--role=broker`: an embedded MQTT broker of its own for the request-reply scenarios. */
export const runBroker = async (): Promise<void> => {
  const broker = await startEmbeddedBroker({ host: '127.0.0.1', port: 0 });
  childReady({ url: `mqtt://127.0.0.1:${broker.port}` }, () => broker.close());
};

// --- raw MQTT framing: "<request id> <reply topic>\n<body>" / "<request id>\n<body>" ---------------

const splitFrame = (payload: Buffer): { head: string; body: Buffer } => {
  const newline = payload.indexOf(0x0a);
  return { head: payload.subarray(0, newline).toString('latin1'), body: payload.subarray(newline + 1) };
};

/** Child process `--role=responders`: serves SUBJECT with our layer and RAW_SUBJECT with the bare clients. */
export const runResponders = async (config: ResponderConfig): Promise<void> => {
  const closers: (() => Promise<void>)[] = [];

  const nc = await connectNats({ servers: config.natsUrl, name: 'bench-raw-responder' });
  nc.subscribe(`${config.namespace}.${RAW_SUBJECT}`, {
    queue: 'bench',
    callback: (error, message) => {
      if (!error) message.respond(replyBytes);
    },
  });
  await nc.flush();
  closers.push(() => nc.drain());

  const serveOurs = async (transport: Transport): Promise<void> => {
    await transport.connect();
    await transport.serve(SUBJECT, 'bench', (message) =>
      processRequest(message, async () => fixedPartner, ignoreUnexpected),
    );
    closers.push(() => transport.close());
  };
  await serveOurs(
    createTransport(config.natsUrl, 'bench-responder', { namespace: config.namespace, onError: quiet }),
  );

  if (config.mqttUrl) {
    const client = await connectMqtt(config.mqttUrl, {
      clientId: `bench-raw-responder-${randomUUID().slice(0, 8)}`,
      protocolVersion: 4,
      clean: true,
    });
    const requestTopic = `${config.namespace}/raw/get`;
    client.on('message', (topic, payload) => {
      if (topic !== requestTopic) return;
      const { head } = splitFrame(payload);
      const space = head.indexOf(' ');
      const requestId = head.slice(0, space);
      const replyTopic = head.slice(space + 1);
      client.publish(replyTopic, Buffer.concat([Buffer.from(`${requestId}\n`, 'latin1'), replyBytes]), {
        qos: 0,
      });
    });
    await client.subscribeAsync(requestTopic, { qos: 0 });
    closers.push(() => client.endAsync());
    await serveOurs(
      createTransport(config.mqttUrl, 'bench-responder', { namespace: config.namespace, onError: quiet }),
    );
  }

  childReady({}, async () => {
    for (const close of closers.reverse()) await close().catch(() => undefined);
  });
};

// --- the requesting side ------------------------------------------------------------------------

export interface Requester {
  readonly name: string;
  call(): Promise<void>;
}

export interface BusClients {
  readonly requesters: Requester[];
  close(): Promise<void>;
}

class RawMqttRequester implements Requester {
  private readonly pending = new Map<string, () => void>();
  private readonly replyTopic: string;
  private counter = 0;

  constructor(
    readonly name: string,
    private readonly client: MqttClient,
    private readonly requestTopic: string,
    namespace: string,
  ) {
    this.replyTopic = `${namespace}/raw-reply/${client.options.clientId}`;
    client.on('message', (topic, payload) => {
      if (topic !== this.replyTopic) return;
      const { head, body } = splitFrame(payload);
      if (body.length !== replyBytes.length) throw new Error('raw MQTT reply of the wrong size');
      this.pending.get(head)?.();
    });
  }

  async subscribe(): Promise<void> {
    await this.client.subscribeAsync(this.replyTopic, { qos: 0 });
  }

  call(): Promise<void> {
    const requestId = String(++this.counter);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(requestId);
        reject(new Error('raw MQTT request timed out'));
      }, 5_000);
      this.pending.set(requestId, () => {
        clearTimeout(timer);
        this.pending.delete(requestId);
        resolve();
      });
      this.client.publish(
        this.requestTopic,
        Buffer.concat([Buffer.from(`${requestId} ${this.replyTopic}\n`, 'latin1'), requestBytes]),
        { qos: 0 },
      );
    });
  }
}

/** Connects the requesting clients: raw NATS, ours on NATS, and (with an MQTT URL) raw MQTT, ours on MQTT. */
export const connectRequesters = async (config: ResponderConfig): Promise<BusClients> => {
  const closers: (() => Promise<void>)[] = [];
  const requesters: Requester[] = [];
  try {
    const nc: NatsConnection = await connectNats({ servers: config.natsUrl, name: 'bench-raw-requester' });
    closers.push(() => nc.close());
    const rawSubject = `${config.namespace}.${RAW_SUBJECT}`;
    requesters.push({
      name: 'nats-raw',
      async call() {
        const reply = await nc.request(rawSubject, requestBytes, { timeout: 5_000 });
        if (reply.data.length !== replyBytes.length) throw new Error('raw NATS reply of the wrong size');
      },
    });

    const ours = async (name: string, transport: Transport): Promise<void> => {
      await transport.connect();
      closers.push(() => transport.close());
      const bus = new MessageBus(transport, 'bench');
      requesters.push({
        name,
        async call() {
          const partner = await bus.request(SUBJECT, requestPayload);
          if (partner.id !== fixedPartner.id) throw new Error('our layer answered with another partner');
        },
      });
    };
    await ours(
      'nats-ours',
      createTransport(config.natsUrl, 'bench-requester', { namespace: config.namespace, onError: quiet }),
    );

    if (config.mqttUrl) {
      const client = await connectMqtt(config.mqttUrl, {
        clientId: `bench-raw-requester-${randomUUID().slice(0, 8)}`,
        protocolVersion: 4,
        clean: true,
      });
      closers.push(() => client.endAsync());
      const raw = new RawMqttRequester('mqtt-raw', client, `${config.namespace}/raw/get`, config.namespace);
      await raw.subscribe();
      requesters.push(raw);
      await ours(
        'mqtt-ours',
        createTransport(config.mqttUrl, 'bench-requester', { namespace: config.namespace, onError: quiet }),
      );
    }
  } catch (error) {
    for (const close of closers.reverse()) await close().catch(() => undefined);
    throw error;
  }
  return {
    requesters,
    async close() {
      for (const close of closers.reverse()) await close().catch(() => undefined);
    },
  };
};

// --- measurements -------------------------------------------------------------------------------

/** Latency of `count` requests, one at a time, in ms. */
export const sequentialLatencies = async (requester: Requester, count: number): Promise<number[]> => {
  const latencies = new Array<number>(count);
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await requester.call();
    latencies[i] = performance.now() - started;
  }
  return latencies;
};

export interface ConcurrentResult {
  readonly rps: number;
  readonly latencies: number[];
}

/** `inFlight` requests outstanding at all times for `durationMs`: throughput and latency under load. */
export const concurrentRun = async (
  requester: Requester,
  inFlight: number,
  durationMs: number,
): Promise<ConcurrentResult> => {
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + durationMs;
  const loop = async (): Promise<void> => {
    while (performance.now() < deadline) {
      const sent = performance.now();
      await requester.call();
      latencies.push(performance.now() - sent);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, loop));
  const elapsedSeconds = (performance.now() - started) / 1000;
  return { rps: latencies.length / elapsedSeconds, latencies };
};
