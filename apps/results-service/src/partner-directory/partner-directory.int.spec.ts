import { MessageBus, createTransport, type Transport } from '@pardev/messaging';
import {
  aPartnerRegistered,
  bootService,
  busKinds,
  databaseKinds,
  publishEvent,
  serviceEnvironment,
  startTestBus,
  waitFor,
  type BootedService,
  type TestBus,
} from '@pardev/testing';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppModule } from '../app.module';
import { ResultsEnvSchema } from '../config';

const combinations = busKinds().flatMap((bus) => databaseKinds().filter((db) => (bus === 'nats') === (db === 'postgres')).map((db) => [bus, db] as const));

describe.each(combinations)('results-service partner directory on %s bus with %s', (busKind, databaseKind) => {
  let bus: TestBus;
  let service: BootedService;
  let client: Transport;
  let requests: MessageBus;
  let drop: () => Promise<void>;

  const optionsNamed = async (q: string) => (await requests.request('results.partner-directory.list', { q })).items;

  beforeAll(async () => {
    bus = await startTestBus(busKind);
    const environment = await serviceEnvironment(bus, databaseKind, 'results_service');
    drop = environment.drop;
    service = await bootService(AppModule.forRoot(ResultsEnvSchema.parse(environment.env)));
    client = createTransport(bus.url, 'results-int-test', { namespace: bus.namespace });
    await client.connect();
    requests = new MessageBus(client, 'results-int-test');
  });

  afterAll(async () => {
    await client?.close();
    await service?.close();
    await bus?.close();
    await drop?.();
  });

  it('adds a registered partner to the directory behind the portfolio figures', async () => {
    const event = aPartnerRegistered({ name: 'Danish International Development Agency', acronym: 'Danida', country: 'DK' });
    await publishEvent(client, 'partners.partner.registered.v1', event);
    const [option] = await waitFor(async () => {
      const items = await optionsNamed('danida');
      return items.length > 0 ? items : undefined;
    });
    expect(option).toEqual({ id: event.partnerId, name: event.name, acronym: 'Danida', category: 'GOVERNMENT_OECD_DAC', country: 'DK' });
  });

  it('applies a redelivered message once and never lets an older version overwrite a newer one', async () => {
    const v2 = aPartnerRegistered({ name: 'Agence Française de Développement', acronym: 'AFD', country: 'FR', version: 2 });
    const messageId = await publishEvent(client, 'partners.partner.registered.v1', v2);
    await publishEvent(client, 'partners.partner.registered.v1', v2, messageId);
    await publishEvent(client, 'partners.partner.registered.v1', { ...v2, name: 'Stale name', version: 1 });
    const marker = aPartnerRegistered({ name: 'Marker partner after AFD' });
    await publishEvent(client, 'partners.partner.registered.v1', marker);
    await waitFor(async () => ((await optionsNamed('marker partner after afd')).length > 0 ? true : undefined));

    expect(await optionsNamed('Agence Française')).toEqual([expect.objectContaining({ id: v2.partnerId, name: v2.name })]);
    const dataSource = service.app.get(DataSource);
    const inbox = await dataSource.query(`SELECT count(*)::int AS n FROM inbox WHERE message_id = $1`, [messageId]);
    expect(inbox[0].n).toBe(1);
  });

  it('dead-letters an event that breaks its contract, with the field and the rule, and keeps consuming', async () => {
    const broken = { ...aPartnerRegistered({ name: 'Broken partner' }), category: 'DONOR' } as unknown as ReturnType<typeof aPartnerRegistered>;
    const messageId = await publishEvent(client, 'partners.partner.registered.v1', broken);
    const next = aPartnerRegistered({ name: 'Partner after the broken one' });
    await publishEvent(client, 'partners.partner.registered.v1', next);
    await waitFor(async () => ((await optionsNamed('after the broken one')).length > 0 ? true : undefined));
    const dataSource = service.app.get(DataSource);
    const [letter] = await dataSource.query(`SELECT reason FROM dead_letter WHERE message_id = $1`, [messageId]);
    expect(letter.reason).toMatch(/invalid payload: category: invalid_value/);
    expect(await optionsNamed('Broken partner')).toEqual([]);
  });
});
