import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdEventsFor } from './embedded-durables';
import { startEmbeddedBroker, type EmbeddedBroker } from './embedded-broker';
import { EmbeddedTransport } from './embedded.transport';
import type { Delivery } from './transport';

const registered = 'partners.partner.registered.v1';
const signed = 'agreements.agreement.status-changed.v1';

describe('durable sessions held before their consumers first start (embedded broker)', () => {
  let broker: EmbeddedBroker;
  let url: string;
  let producer: EmbeddedTransport;
  const namespace = 'held';

  beforeAll(async () => {
    broker = await startEmbeddedBroker({ port: 0 });
    url = `mqtt://127.0.0.1:${broker.port}`;
    producer = new EmbeddedTransport(url, 'producer', { namespace });
    await producer.connect();
  });
  afterAll(async () => {
    await producer?.close();
    await broker?.close();
  });

  const consumeUntil = async (durable: string, subjects: string[], count: number) => {
    const consumer = new EmbeddedTransport(url, durable, { namespace });
    await consumer.connect();
    const received: string[] = [];
    const subscription = await consumer.consume(
      { durable, subjects, maxDeliver: 5, ackWaitMs: 5_000 },
      async (delivery: Delivery) => {
        received.push(`${delivery.subject} ${delivery.body}`);
        await delivery.ack();
      },
    );
    const deadline = Date.now() + 10_000;
    while (received.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    // A little longer: anything beyond `count` would be a subject it does not want, or a duplicate.
    await new Promise((r) => setTimeout(r, 200));
    return {
      received,
      stop: async () => {
        await subscription.unsubscribe();
        await consumer.close();
      },
    };
  };

  it('keeps what was published before a consumer ever started, then delivers live events, only of its subjects', async () => {
    await holdEventsFor(url, ['agreements-service'], { namespace });
    // Published before agreements-service has ever connected: an MQTT broker would drop these.
    for (let i = 0; i < 5; i++) await producer.publish(registered, `{"i":${i}}`, { 'x-message-id': `r${i}` });
    await producer.publish(signed, '{"s":1}', { 'x-message-id': 's1' });

    const first = await consumeUntil('agreements-service', [registered], 5);
    expect(first.received).toEqual(Array.from({ length: 5 }, (_, i) => `${registered} {"i":${i}}`));
    // Live events after the start: its subjects reach it, the others are acknowledged unread.
    await producer.publish(signed, '{"s":2}', { 'x-message-id': 's2' });
    await producer.publish(registered, '{"i":5}', { 'x-message-id': 'r5' });
    await new Promise((r) => setTimeout(r, 300));
    expect(first.received.at(-1)).toBe(`${registered} {"i":5}`);
    expect(first.received.filter((line) => line.startsWith(signed))).toEqual([]);
    await first.stop();
  });

  it('leaves an existing session and what it has queued alone (nothing acknowledged, nothing lost)', async () => {
    await holdEventsFor(url, ['results-service'], { namespace });
    const before = await consumeUntil('results-service', [signed], 0);
    await before.stop();
    for (let i = 0; i < 3; i++) await producer.publish(signed, `{"n":${i}}`, { 'x-message-id': `n${i}` });
    // The launcher starting again: the session exists and holds three messages.
    await holdEventsFor(url, ['results-service'], { namespace });

    const after = await consumeUntil('results-service', [signed], 3);
    expect(after.received).toEqual([0, 1, 2].map((n) => `${signed} {"n":${n}}`));
    await after.stop();
  });
});
