import { ErrorCode, Header, type Actor, type Partner, type RegisterPartnerRequest } from '@pardev/contracts';
import {
  ActorSigner,
  MessageBus,
  generateActorKeys,
  toHeaders,
  causedBy,
  type Transport,
} from '@pardev/messaging';
import { newId } from '@pardev/persistence';
import {
  runtimeKinds,
  testActorKeys,
  startServiceUnderTest,
  type ServiceUnderTest,
  type BootedService,
} from '@pardev/testing';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppModule } from '../app.module';
import { PartnersEnvSchema } from '../config';

const person = (...roles: string[]): Actor => ({ userId: newId(), roles });

// Object-level access is decided here, in the service that owns partners, from the actor the
// gateway signed: not only in the gateway.
describe.each(runtimeKinds())('partner access and audit on %s bus with %s', (busKind, databaseKind) => {
  let service: BootedService;
  let client: Transport;
  let requests: MessageBus;
  let sut: ServiceUnderTest;
  const officerA = person('officer');
  const officerB = person('officer');
  const admin = person('admin');
  const viewer = person('viewer');
  const auditor = person('auditor');

  const register = (actor: Actor, overrides: Partial<RegisterPartnerRequest> = {}) =>
    requests.request(
      'partners.partner.register',
      {
        name: `Fondation ${newId().slice(-8)}`,
        organisationType: '60',
        category: 'FOUNDATION',
        country: 'CH',
        ...overrides,
      },
      { actor },
    );
  const profileOf = ({ name, acronym, organisationType, category, country, version }: Partner) => ({
    name,
    acronym,
    organisationType,
    category,
    country,
    version,
  });
  const update = (actor: Actor, partner: Partner, changes: Partial<RegisterPartnerRequest> = {}) =>
    requests.request(
      'partners.partner.update',
      { id: partner.id, ...profileOf(partner), ...changes },
      { actor },
    );
  const assign = (
    actor: Actor,
    partner: Partner,
    responsibleOfficerId: string | null,
    delegateIds: string[],
  ) =>
    requests.request(
      'partners.partner.assign',
      { id: partner.id, version: partner.version, responsibleOfficerId, delegateIds },
      { actor },
    );
  const codeOf = (promise: Promise<unknown>) =>
    promise.then(
      () => 'ok',
      (error: { code?: string }) => error.code,
    );
  const auditCount = async (entityId: string): Promise<number> => {
    const rows: { n: number }[] = await service.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM audit_entry WHERE entity_id = $1`, [entityId]);
    return rows[0]!.n;
  };

  beforeAll(async () => {
    sut = await startServiceUnderTest(busKind, databaseKind, 'partners_access', (env) =>
      AppModule.forRoot(PartnersEnvSchema.parse(env)),
    );
    ({ service, client, requests } = sut);
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('makes the officer who registers a partner its responsible officer; an admin may name someone else', async () => {
    expect((await register(officerA)).responsibleOfficerId).toBe(officerA.userId);
    expect((await register(admin)).responsibleOfficerId).toBeNull();
    expect((await register(admin, { responsibleOfficerId: officerB.userId })).responsibleOfficerId).toBe(
      officerB.userId,
    );
  });

  it('lets only admins and officers register, whatever the gateway let through', async () => {
    for (const actor of [viewer, auditor, person('finance')]) {
      expect(await codeOf(register(actor))).toBe(ErrorCode.Forbidden);
    }
    const anonymous = requests.request('partners.partner.register', {
      name: 'Nobody Foundation',
      organisationType: '60',
      category: 'FOUNDATION',
    });
    expect(await codeOf(anonymous)).toBe(ErrorCode.Forbidden);
  });

  it('lets officer B change neither officer A’s partner nor who is responsible for it', async () => {
    const partner = await register(officerA);
    expect(await codeOf(update(officerB, partner, { acronym: 'B' }))).toBe(ErrorCode.Forbidden);
    expect(await codeOf(assign(officerB, partner, officerB.userId, []))).toBe(ErrorCode.Forbidden);
    for (const actor of [viewer, auditor, person('finance')]) {
      expect(await codeOf(update(actor, partner, { acronym: 'X' }))).toBe(ErrorCode.Forbidden);
    }
    const unchanged = await requests.request('partners.partner.get', { id: partner.id });
    expect(unchanged).toEqual(partner);
    // Only the registration is in the trail: refused attempts change nothing here.
    expect(await auditCount(partner.id)).toBe(1);
  });

  it('lets the responsible officer name a delegate, who may then edit but not hand the partner over', async () => {
    const partner = await register(officerA);
    const assigned = await assign(officerA, partner, officerA.userId, [officerB.userId]);
    expect(assigned).toMatchObject({ delegateIds: [officerB.userId], version: 2 });
    const edited = await update(officerB, assigned, { acronym: 'DEL' });
    expect(edited).toMatchObject({ acronym: 'DEL', version: 3 });
    expect(await codeOf(assign(officerB, edited, officerB.userId, []))).toBe(ErrorCode.Forbidden);
    // An admin may hand it over; the former officer then reads only.
    const handedOver = await assign(admin, edited, officerB.userId, []);
    expect(await codeOf(update(officerA, handedOver, { acronym: 'A' }))).toBe(ErrorCode.Forbidden);
  });

  it('refuses a change made to a version that is no longer current, naming the current one', async () => {
    const partner = await register(officerA);
    await update(officerA, partner, { acronym: 'V2' });
    await expect(update(officerA, partner, { acronym: 'stale' })).rejects.toMatchObject({
      code: ErrorCode.VersionConflict,
      errors: [expect.objectContaining({ field: 'version', message: 'must be the current version (2)' })],
    });
    expect(await codeOf(update(officerA, { ...partner, id: newId() }))).toBe(ErrorCode.PartnerNotFound);
  });

  it('records each change with actor, changed fields and correlation id, in the transaction of the change', async () => {
    const partner = await register(officerA, { acronym: 'FA' });
    await requests.request(
      'partners.partner.update',
      { id: partner.id, ...profileOf(partner), name: `${partner.name} (renamed)`, acronym: null },
      { actor: officerA, correlationId: 'corr-audit-1' },
    );
    const history = await requests.request(
      'partners.audit.search',
      { entityType: 'partner', entityId: partner.id },
      { actor: viewer },
    );
    expect(history.items.map((e) => e.action)).toEqual(['partner.updated', 'partner.registered']);
    expect(history.items[0]).toMatchObject({
      source: 'partners',
      actorId: officerA.userId,
      actorRoles: ['officer'],
      entityType: 'partner',
      entityId: partner.id,
      correlationId: 'corr-audit-1',
      changes: [
        { field: 'name', before: partner.name, after: `${partner.name} (renamed)` },
        { field: 'acronym', before: 'FA', after: null },
      ],
    });
    // A change that fails (the name is taken) leaves neither the change nor an entry behind.
    const other = await register(officerA);
    expect(await codeOf(update(officerA, other, { name: `${partner.name} (renamed)` }))).toBe(
      ErrorCode.PartnerAlreadyExists,
    );
    expect(await auditCount(other.id)).toBe(1);
  });

  it('lets admins and auditors search the whole trail, others only the history of one record', async () => {
    const partner = await register(officerB);
    const byActor = await requests.request(
      'partners.audit.search',
      { actorId: officerB.userId, limit: 100 },
      { actor: auditor },
    );
    expect(byActor.items.map((e) => e.entityId)).toContain(partner.id);
    expect(byActor.items.every((e) => e.actorId === officerB.userId)).toBe(true);
    expect(await codeOf(requests.request('partners.audit.search', {}, { actor: viewer }))).toBe(
      ErrorCode.Forbidden,
    );
    expect(await codeOf(requests.request('partners.audit.search', {}))).toBe(ErrorCode.Forbidden);
  });

  describe('the signed actor', () => {
    const command = { name: 'Forged Foundation', organisationType: '60', category: 'FOUNDATION' } as const;

    it('is refused when unsigned, signed with another key, or moved onto another body', async () => {
      const unsigned = new MessageBus(client, 'intruder');
      expect(await codeOf(unsigned.request('partners.partner.register', command, { actor: admin }))).toBe(
        ErrorCode.Unauthenticated,
      );

      const otherKey = new MessageBus(
        client,
        'intruder',
        5_000,
        new ActorSigner(generateActorKeys().signingKey),
      );
      expect(await codeOf(otherKey.request('partners.partner.register', command, { actor: admin }))).toBe(
        ErrorCode.Unauthenticated,
      );

      // A genuine signature of one payload, replayed with another payload.
      const headers = toHeaders({ ...causedBy('gateway'), actor: admin });
      const signedBody = JSON.stringify({ ...command, name: 'Harmless Foundation' });
      new ActorSigner(testSigningKey()).sign('partners.partner.register', headers, signedBody);
      const reply = await client.request(
        'partners.partner.register',
        JSON.stringify(command),
        headers,
        5_000,
      );
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: ErrorCode.Unauthenticated } });

      // An actor signed for another subject is not valid for this one.
      const elsewhere = toHeaders({ ...causedBy('gateway'), actor: admin });
      new ActorSigner(testSigningKey()).sign('partners.partner.list', elsewhere, JSON.stringify(command));
      const moved = await client.request(
        'partners.partner.register',
        JSON.stringify(command),
        elsewhere,
        5_000,
      );
      expect(JSON.parse(moved.body)).toMatchObject({ ok: false, error: { code: ErrorCode.Unauthenticated } });

      expect((await requests.request('partners.partner.list', { q: 'Forged' })).total).toBe(0);
    });

    it('is refused when the signature is stale', async () => {
      const headers = toHeaders({
        ...causedBy('gateway'),
        occurredAt: new Date(Date.now() - 10 * 60_000).toISOString(),
        actor: admin,
      });
      const body = JSON.stringify(command);
      new ActorSigner(testSigningKey()).sign('partners.partner.register', headers, body);
      expect(headers[Header.ActorSignature]).toBeDefined();
      const reply = await client.request('partners.partner.register', body, headers, 5_000);
      expect(JSON.parse(reply.body)).toMatchObject({
        ok: false,
        error: { code: ErrorCode.Unauthenticated, message: expect.stringMatching(/too old/) },
      });
    });
  });
});

const testSigningKey = (): string => testActorKeys.signingKey;
