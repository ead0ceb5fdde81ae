import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedBroker } from './embedded-broker';
import { EmbeddedTransport } from './embedded.transport';

const subject = 'partners.partner.registered.v1';
const options = { durable: 'agreements-service', subjects: [subject], maxDeliver: 5, ackWaitMs: 5_000 };

describe('embedded broker with a data directory', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'pardev-broker-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('still delivers what a stopped consumer missed after the broker itself restarted', async () => {
    let broker = await startEmbeddedBroker({ port: 0, dataDir });
    const consumer = new EmbeddedTransport(`mqtt://127.0.0.1:${broker.port}`, 'consumer');
    await consumer.connect();
    const first = await consumer.consume(options, (delivery) => delivery.ack());
    await first.unsubscribe();
    await consumer.close();

    const producer = new EmbeddedTransport(`mqtt://127.0.0.1:${broker.port}`, 'producer');
    await producer.connect();
    for (let i = 0; i < 20; i++)
      await producer.publish(subject, JSON.stringify({ i }), { 'x-message-id': `m${i}` });
    await producer.close();
    await broker.close();

    broker = await startEmbeddedBroker({ port: 0, dataDir });
    const back = new EmbeddedTransport(`mqtt://127.0.0.1:${broker.port}`, 'consumer');
    await back.connect();
    const received: number[] = [];
    const subscription = await back.consume(options, async (delivery) => {
      received.push((JSON.parse(delivery.body) as { i: number }).i);
      await delivery.ack();
    });
    const deadline = Date.now() + 10_000;
    while (received.length < 20 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await subscription.unsubscribe();
    await back.close();
    await broker.close();
    expect(received).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });
});
