import { ErrorCode, Header, type EventOf } from '@pardev/contracts';
import {
  MessageBus,
  RemoteError,
  createTransport,
  type Delivery,
  type Subscription,
  type Transport,
} from '@pardev/messaging';
import {
  bootService,
  runtimeKinds,
  serviceEnvironment,
  signingBus,
  startTestBus,
  type BootedService,
  type TestBus,
} from '@pardev/testing';
import { newId } from '@pardev/persistence';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppModule } from '../app.module';
import { PartnersEnvSchema } from '../config';

describe.each(runtimeKinds())('partners-service on %s bus with %s', (busKind, databaseKind) => {
  let bus: TestBus;
  let service: BootedService;
  let client: Transport;
  let requests: MessageBus;
  let subscription: Subscription;
  let drop: () => Promise<void>;
  const events: { event: EventOf<'partners.partner.registered.v1'>; headers: Record<string, string> }[] = [];
  const actor = { userId: newId(), roles: ['officer'] };

  beforeAll(async () => {
    bus = await startTestBus(busKind);
    const environment = await serviceEnvironment(bus, databaseKind, 'partners_service');
    drop = environment.drop;
    service = await bootService(AppModule.forRoot(PartnersEnvSchema.parse(environment.env)));
    client = createTransport(bus.url, 'partners-int-test', { namespace: bus.namespace });
    await client.connect();
    requests = signingBus(client, 'partners-int-test');
    subscription = await client.consume(
      {
        durable: `partners-int-test-${Date.now()}`,
        subjects: ['partners.partner.registered.v1'],
        maxDeliver: 3,
        ackWaitMs: 5_000,
      },
      async (delivery: Delivery) => {
        events.push({ event: JSON.parse(delivery.body), headers: delivery.headers });
        await delivery.ack();
      },
    );
  });

  afterAll(async () => {
    await subscription?.unsubscribe();
    await client?.close();
    await service?.close();
    await bus?.close();
    await drop?.();
  });

  it('registers a partner, answers it by id and in the list, and announces it with the caller’s correlation id', async () => {
    const partner = await requests.request(
      'partners.partner.register',
      {
        name: 'Norwegian Agency for Development Cooperation',
        acronym: 'Norad',
        organisationType: '10',
        category: 'GOVERNMENT_OECD_DAC',
        country: 'NO',
      },
      { actor, correlationId: 'corr-register-1' },
    );
    expect(partner).toMatchObject({
      name: 'Norwegian Agency for Development Cooperation',
      acronym: 'Norad',
      version: 1,
    });
    expect(await requests.request('partners.partner.get', { id: partner.id })).toEqual(partner);
    const page = await requests.request('partners.partner.list', { q: 'norad' });
    expect(page.items.map((p) => p.id)).toEqual([partner.id]);

    const deadline = Date.now() + 10_000;
    while (!events.some((e) => e.event.partnerId === partner.id) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    const announced = events.find((e) => e.event.partnerId === partner.id)!;
    expect(announced.event).toMatchObject({
      name: partner.name,
      category: 'GOVERNMENT_OECD_DAC',
      country: 'NO',
      version: 1,
    });
    expect(announced.headers[Header.CorrelationId]).toBe('corr-register-1');
    expect(JSON.parse(announced.headers[Header.Actor]!)).toEqual(actor);
  });

  it('refuses a second partner with the same name in the same country, and announces nothing for it', async () => {
    const command = {
      name: 'Irish Aid',
      acronym: null,
      organisationType: '10',
      category: 'GOVERNMENT_OECD_DAC',
      country: 'IE',
    } as const;
    await requests.request('partners.partner.register', command, { actor });
    const error = await requests
      .request('partners.partner.register', { ...command, name: 'IRISH AID' }, { actor })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemoteError);
    expect((error as RemoteError).code).toBe(ErrorCode.PartnerAlreadyExists);
    expect((error as RemoteError).errors).toEqual([
      expect.objectContaining({ field: 'name', rule: 'unique' }),
    ]);
    const page = await requests.request('partners.partner.list', { q: 'irish aid' });
    expect(page.total).toBe(1);
  });

  it('answers an unknown id with PARTNER_NOT_FOUND and a malformed one with the field and rule', async () => {
    await expect(
      requests.request('partners.partner.get', { id: '0192f7a4-5c1e-7b3a-9d2e-4f6a8b0c1d2e' }),
    ).rejects.toMatchObject({
      code: ErrorCode.PartnerNotFound,
    });
    await expect(requests.request('partners.partner.get', { id: 'not-a-uuid' })).rejects.toMatchObject({
      code: ErrorCode.ValidationFailed,
      errors: [expect.objectContaining({ field: 'id' })],
    });
  });

  it('pages a search ordered by name', async () => {
    for (const name of ['Zeta Foundation', 'Alpha Foundation', 'Mu Foundation']) {
      await requests.request(
        'partners.partner.register',
        { name, organisationType: '60', category: 'FOUNDATION' },
        { actor },
      );
    }
    const first = await requests.request('partners.partner.list', { q: 'foundation', page: 1, pageSize: 2 });
    const second = await requests.request('partners.partner.list', { q: 'foundation', page: 2, pageSize: 2 });
    expect(first.total).toBe(3);
    expect([...first.items, ...second.items].map((p) => p.name)).toEqual([
      'Alpha Foundation',
      'Mu Foundation',
      'Zeta Foundation',
    ]);
  });
});
