import { ErrorCode, Header, type EventOf } from '@pardev/contracts';
import { openDatabase, newId, type Database } from '@pardev/persistence';
import { busKinds, createTestDatabase, startTestBus, type TestBus, type TestDatabase } from '@pardev/testing';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from './errors';
import { EventProcessor, type EventHandlerFn } from './event-processor';
import { Outbox } from './outbox';
import { OutboxRelay } from './outbox-relay';
import { createTransport } from './transports/create-transport';
import type { Subscription, Transport } from './transports/transport';

class EffectTable1764230400001 implements MigrationInterface {
  name = 'EffectTable1764230400001';
  async up(db: QueryRunner) {
    // No unique key on purpose: a second effect of one message would show as a second row.
    await db.query(`CREATE TABLE effect (partner_id uuid NOT NULL, message_id text NOT NULL)`);
  }
  async down(db: QueryRunner) {
    await db.query(`DROP TABLE effect`);
  }
}

const registered = (name: string): EventOf<'partners.partner.registered.v1'> => ({
  partnerId: newId(),
  name,
  acronym: null,
  organisationType: '10',
  category: 'GOVERNMENT_OECD_DAC',
  country: 'NO',
  version: 1,
  registeredAt: new Date().toISOString(),
});

const until = async (condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
};

// The embedded broker with PGlite always; NATS with PostgreSQL when CI provides them.
describe.each(busKinds())('outbox → bus → inbox (%s)', (kind) => {
  let bus: TestBus;
  let producerDb: Database;
  let consumerDb: Database;
  let pgDatabases: TestDatabase[] = [];
  let producerTransport: Transport;
  let consumerTransport: Transport;
  let relay: OutboxRelay;
  let subscription: Subscription | undefined;
  let failNext: { times: number; error: () => Error } = { times: 0, error: () => new Error('boom') };
  const outbox = new Outbox('partners-service');
  const consumer = `messaging-test-${newId().slice(-8)}`;

  const handler: EventHandlerFn = async (payload, { manager, envelope }) => {
    if (failNext.times > 0) {
      failNext.times--;
      throw failNext.error();
    }
    const event = payload as EventOf<'partners.partner.registered.v1'>;
    await manager.query(`INSERT INTO effect (partner_id, message_id) VALUES ($1, $2)`, [
      event.partnerId,
      envelope.messageId,
    ]);
  };

  const effects = async (partnerId: string): Promise<number> =>
    Number(
      (
        await consumerDb.dataSource.query(`SELECT count(*) AS n FROM effect WHERE partner_id = $1`, [
          partnerId,
        ])
      )[0].n,
    );

  const publish = async (event: EventOf<'partners.partner.registered.v1'>): Promise<string> =>
    producerDb.dataSource.transaction((manager) =>
      outbox.publish(manager, 'partners.partner.registered.v1', event),
    );

  beforeAll(async () => {
    bus = await startTestBus(kind);
    if (kind === 'nats' && process.env.TEST_DATABASE_URL) {
      pgDatabases = [
        await createTestDatabase('messaging_producer'),
        await createTestDatabase('messaging_consumer'),
      ];
    }
    const options = (service: string, url?: string) => ({
      service,
      databaseUrl: url,
      dataDir: 'memory://',
      entities: [],
      migrations: [EffectTable1764230400001],
    });
    producerDb = await openDatabase(options('producer', pgDatabases[0]?.url));
    consumerDb = await openDatabase(options('consumer', pgDatabases[1]?.url));
    producerTransport = createTransport(bus.url, `${consumer}-producer`, { namespace: bus.namespace });
    consumerTransport = createTransport(bus.url, `${consumer}-consumer`, { namespace: bus.namespace });
    await producerTransport.connect();
    await consumerTransport.connect();
    relay = new OutboxRelay(producerDb, producerTransport);
    await relay.start();
    const processor = new EventProcessor(
      consumerDb.dataSource,
      consumer,
      new Map([['partners.partner.registered.v1', handler]]),
      {
        maxAttempts: 3,
        backoffMs: () => 50,
      },
    );
    subscription = await consumerTransport.consume(
      { durable: consumer, subjects: ['partners.partner.registered.v1'], maxDeliver: 10, ackWaitMs: 5_000 },
      async (delivery) => {
        await processor.process(delivery);
      },
    );
  });

  beforeEach(() => {
    failNext = { times: 0, error: () => new Error('boom') };
  });

  afterAll(async () => {
    await subscription?.unsubscribe();
    await relay?.stop();
    await producerTransport?.close();
    await consumerTransport?.close();
    await producerDb?.close();
    await consumerDb?.close();
    await bus?.close();
    await Promise.all(pgDatabases.map((d) => d.drop()));
  });

  it('delivers an event written in a committed transaction, within milliseconds', async () => {
    const event = registered('Sida');
    const started = performance.now();
    await publish(event);
    await until(async () => (await effects(event.partnerId)) === 1);
    const elapsed = performance.now() - started;
    console.info(`[${kind}] commit → effect in ${elapsed.toFixed(1)} ms`);
    const [row] = await producerDb.dataSource.query(
      `SELECT published_at FROM outbox ORDER BY id DESC LIMIT 1`,
    );
    expect(row.published_at).not.toBeNull();
  });

  it('never publishes the event of a transaction that rolled back', async () => {
    const event = registered('Rolled back');
    await expect(
      producerDb.dataSource.transaction(async (manager) => {
        await outbox.publish(manager, 'partners.partner.registered.v1', event);
        throw new Error('business rule failed after the publish');
      }),
    ).rejects.toThrow('business rule failed');
    const marker = registered('Marker after rollback');
    await publish(marker);
    await until(async () => (await effects(marker.partnerId)) === 1);
    expect(await effects(event.partnerId)).toBe(0);
  });

  it('applies a redelivered message only once (the inbox remembers it)', async () => {
    const event = registered('Redelivered');
    const id = await publish(event);
    await until(async () => (await effects(event.partnerId)) === 1);
    // The relay crashed after publishing but before marking: it publishes the same row again.
    const [row] = await producerDb.dataSource.query(
      `SELECT subject, payload, headers FROM outbox WHERE id = $1`,
      [id],
    );
    await consumerTransport.publish(row.subject, JSON.stringify(row.payload), {
      ...row.headers,
      [Header.MessageId]: id,
    });
    const marker = registered('Marker after redelivery');
    await publish(marker);
    await until(async () => (await effects(marker.partnerId)) === 1);
    expect(await effects(event.partnerId)).toBe(1);
  });

  it('retries a transient failure and then applies the event once', async () => {
    failNext = { times: 2, error: () => new Error('database hiccup') };
    const event = registered('Transient');
    await publish(event);
    await until(async () => (await effects(event.partnerId)) === 1);
    expect(failNext.times).toBe(0);
  });

  it('dead-letters an event whose handler keeps failing, with the reason, after the last attempt', async () => {
    failNext = { times: 99, error: () => new Error('downstream is gone') };
    const event = registered('Always failing');
    const id = await publish(event);
    await until(
      async () =>
        (await consumerDb.dataSource.query(`SELECT 1 FROM dead_letter WHERE message_id = $1`, [id]))
          .length === 1,
    );
    const [letter] = await consumerDb.dataSource.query(
      `SELECT reason, attempts FROM dead_letter WHERE message_id = $1`,
      [id],
    );
    expect(letter.reason).toContain('downstream is gone');
    expect(letter.attempts).toBe(3);
    expect(await effects(event.partnerId)).toBe(0);
  });

  it('dead-letters a permanent domain error at once', async () => {
    failNext = {
      times: 1,
      error: () => new DomainError(ErrorCode.ValidationFailed, 'a rule that retrying cannot fix'),
    };
    const event = registered('Permanent');
    const id = await publish(event);
    await until(
      async () =>
        (await consumerDb.dataSource.query(`SELECT 1 FROM dead_letter WHERE message_id = $1`, [id]))
          .length === 1,
    );
    const [letter] = await consumerDb.dataSource.query(
      `SELECT reason, attempts FROM dead_letter WHERE message_id = $1`,
      [id],
    );
    expect(letter.attempts).toBe(1);
    expect(letter.reason).toContain('VALIDATION_FAILED');
  });

  it('dead-letters an event whose payload breaks its contract, naming the field and rule', async () => {
    const id = newId();
    await producerTransport.publish(
      'partners.partner.registered.v1',
      JSON.stringify({ ...registered('Bad'), country: 42 }),
      {
        [Header.MessageId]: id,
        [Header.CorrelationId]: id,
        [Header.OccurredAt]: new Date().toISOString(),
        [Header.Producer]: 'a-buggy-producer',
      },
    );
    await until(
      async () =>
        (await consumerDb.dataSource.query(`SELECT 1 FROM dead_letter WHERE message_id = $1`, [id]))
          .length === 1,
    );
    const [letter] = await consumerDb.dataSource.query(
      `SELECT reason FROM dead_letter WHERE message_id = $1`,
      [id],
    );
    expect(letter.reason).toMatch(/invalid payload: country: invalid_type/);
  });
});
