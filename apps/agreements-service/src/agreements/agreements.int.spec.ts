import {
  eventContracts,
  type Actor,
  type Agreement,
  type CreateAgreementRequest,
  type EventSubject,
} from '@pardev/contracts';
import type { Subscription } from '@pardev/messaging';
import { newId } from '@pardev/persistence';
import {
  aPartnerRegistered,
  aPartnerUpdated,
  publishEvent,
  runtimeKinds,
  startServiceUnderTest,
  waitFor,
  type ServiceUnderTest,
} from '@pardev/testing';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppModule } from '../app.module';
import { AgreementsEnvSchema } from '../config';
import { todayIso } from './agreements.service';

const person = (...roles: string[]): Actor => ({ userId: newId(), roles });
const month = todayIso().slice(0, 7);
const daysAgo = (days: number) => todayIso(new Date(Date.now() - days * 86_400_000));

describe.each(runtimeKinds())('funding agreements on %s bus with %s', (busKind, databaseKind) => {
  let sut: ServiceUnderTest;
  let subscription: Subscription;
  const events: { subject: string; body: Record<string, unknown> }[] = [];
  const officer = person('officer');
  const otherOfficer = person('officer');
  const admin = person('admin');
  const finance = person('finance');
  const norway = aPartnerRegistered({ name: 'Norad', acronym: 'NORAD', country: 'NO' });
  const acme = aPartnerRegistered({
    name: 'Acme Ltd',
    acronym: null,
    category: 'PRIVATE_SECTOR',
    organisationType: '70',
    country: 'GB',
  });

  const terms = (overrides: Partial<CreateAgreementRequest> = {}): CreateAgreementRequest => ({
    title: 'Decent jobs for youth in East Africa',
    partnerIds: [norway.partnerId],
    type: 'PROJECT_AGREEMENT',
    fundingSource: 'XBDC',
    earmarkingCategory: '3',
    aidType: 'C01',
    flowType: '10',
    financeType: '110',
    currency: 'EUR',
    totalMinor: 1_000_000_00,
    pscRatePercent: 13,
    startOn: daysAgo(30),
    endOn: '2030-12-31',
    allocations: {
      recipients: [
        { kind: 'COUNTRY', code: 'KE', percent: 60 },
        { kind: 'COUNTRY', code: 'TZ', percent: 40 },
      ],
      sectors: [{ vocabulary: '1', code: '16020', percent: 100 }],
      pbOutcomes: ['3'],
      sdgGoals: ['8'],
      sdgTargets: ['8.5', '8.6'],
      policyMarkers: [{ code: '1', significance: '1' }],
      dcStrategyArea: '3',
    },
    ...overrides,
  });
  const request = () => sut.requests;
  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => ({ code: 'ok', errors: [] as { field: string; rule: string }[] }),
      (error: { code?: string; errors?: { field: string; rule: string }[] }) => ({
        code: error.code,
        errors: error.errors ?? [],
      }),
    );
  const step = (actor: Actor, agreement: Agreement, action: string, extra: Record<string, unknown> = {}) =>
    request().request(
      'agreements.agreement.transition',
      { id: agreement.id, version: agreement.version, action: action as 'submit', ...extra },
      { actor },
    );

  beforeAll(async () => {
    sut = await startServiceUnderTest(busKind, databaseKind, 'agreements_core', (env) =>
      AppModule.forRoot(AgreementsEnvSchema.parse(env)),
    );
    subscription = await sut.client.consume(
      {
        durable: `agreements-core-test-${Date.now()}`,
        subjects: Object.keys(eventContracts).filter((s) => s.startsWith('agreements.')),
        maxDeliver: 3,
        ackWaitMs: 5_000,
      },
      async (delivery) => {
        events.push({ subject: delivery.subject, body: JSON.parse(delivery.body) });
        await delivery.ack();
      },
    );
    await publishEvent(sut.client, 'partners.partner.registered.v1', norway);
    await publishEvent(sut.client, 'partners.partner.registered.v1', acme);
    await waitFor(async () => (await sut.requests.request('agreements.partner-option.list', {})).total >= 2);
  });

  afterAll(async () => {
    await subscription?.unsubscribe();
    await sut?.close();
  });

  it('drafts an agreement with a generated reference, the officer responsible, and its USD value once finance sets the rate', async () => {
    const draft = await request().request('agreements.agreement.create', terms(), { actor: officer });
    expect(draft).toMatchObject({
      reference: expect.stringMatching(new RegExp(`^XBDC-${todayIso().slice(0, 4)}-\\d{4}$`)),
      status: 'DRAFT',
      responsibleOfficerId: officer.userId,
      partners: [{ id: norway.partnerId, name: 'Norad', blockedForNewAgreements: false }],
      totalUsd: null,
    });
    const second = await request().request('agreements.agreement.create', terms(), { actor: officer });
    expect(Number(second.reference.slice(-4))).toBe(Number(draft.reference.slice(-4)) + 1);

    const startMonth = draft.startOn!.slice(0, 7);
    expect(
      await failure(
        request().request(
          'agreements.currency-rate.set',
          { rates: [{ currency: 'EUR', month: startMonth, ratePerUsd: '0.921' }] },
          { actor: officer },
        ),
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
    await request().request(
      'agreements.currency-rate.set',
      { rates: [{ currency: 'EUR', month: startMonth, ratePerUsd: '0.921' }] },
      { actor: finance },
    );
    const valued = await request().request('agreements.agreement.get', { id: draft.id });
    // 1,000,000.00 EUR / 0.921 = 1,085,776.330… USD
    expect(valued.totalUsd).toEqual({ minor: 1_085_776_33, ratePerUsd: '0.921', rateMonth: startMonth });
  });

  it('refuses a blocked partner on a new agreement, naming the field and the rule', async () => {
    await publishEvent(sut.client, 'partners.partner.status-changed.v1', {
      partnerId: acme.partnerId,
      status: 'BLOCKED',
      previousStatus: 'ACTIVE',
      blockedForNewAgreements: true,
      reasons: ['RED_FLAG'],
      version: 2,
      changedAt: new Date().toISOString(),
    });
    await waitFor(
      async () =>
        (await sut.requests.request('agreements.partner-option.list', { q: 'Acme' })).items[0]
          ?.blockedForNewAgreements === true,
    );
    const refused = await failure(
      request().request(
        'agreements.agreement.create',
        terms({ partnerIds: [norway.partnerId, acme.partnerId] }),
        { actor: officer },
      ),
    );
    expect(refused).toEqual({
      code: 'VALIDATION_FAILED',
      errors: [expect.objectContaining({ field: 'partnerIds.1', rule: 'partner_blocked' })],
    });
    const unknown = await failure(
      request().request('agreements.agreement.create', terms({ partnerIds: [newId()] }), { actor: officer }),
    );
    expect(unknown.errors).toEqual([expect.objectContaining({ rule: 'unknown_partner' })]);
  });

  it('walks the lifecycle: each step guarded, announced and audited; signed terms are locked', async () => {
    let agreement = await request().request(
      'agreements.agreement.create',
      terms({ totalMinor: 200_000_00 }),
      { actor: officer },
    );
    // Only the people responsible move it.
    expect(await failure(step(otherOfficer, agreement, 'submit'))).toMatchObject({ code: 'FORBIDDEN' });
    agreement = await step(officer, agreement, 'submit');
    agreement = await step(officer, agreement, 'approve');
    // No schedule yet: signing is refused, with the rule named.
    const refused = await failure(step(officer, agreement, 'sign', { signedOn: todayIso() }));
    expect(refused).toEqual({
      code: 'TRANSITION_REFUSED',
      errors: [expect.objectContaining({ field: 'tranches', rule: 'schedule_matches_total' })],
    });

    for (const [days, amount] of [
      [-10, 120_000_00],
      [200, 80_000_00],
    ] as const) {
      await request().request(
        'agreements.tranche.add',
        { agreementId: agreement.id, plannedOn: daysAgo(-days), amountMinor: amount, conditions: null },
        { actor: officer },
      );
    }
    agreement = await step(officer, agreement, 'sign', { signedOn: todayIso() });
    expect(agreement).toMatchObject({ status: 'SIGNED', signedOn: todayIso() });
    const locked = await failure(
      request().request(
        'agreements.agreement.update',
        { ...terms({ title: 'Changed after signature' }), id: agreement.id, version: agreement.version },
        { actor: officer },
      ),
    );
    expect(locked.code).toBe('AGREEMENT_LOCKED');
    agreement = await step(officer, agreement, 'activate');

    // Finance records money received in EUR: valued at the month's UN rate, or at the rate given.
    const schedule = await request().request('agreements.tranche.list', { agreementId: agreement.id });
    const [first, second] = schedule.items;
    expect(
      await failure(
        request().request(
          'agreements.tranche.receive',
          {
            agreementId: agreement.id,
            trancheId: first!.id,
            receivedOn: todayIso(),
            receivedMinor: 120_000_00,
          },
          { actor: officer },
        ),
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
    const noRate = await failure(
      request().request(
        'agreements.tranche.receive',
        {
          agreementId: agreement.id,
          trancheId: first!.id,
          receivedOn: '2019-03-10',
          receivedMinor: 120_000_00,
        },
        { actor: finance },
      ),
    );
    expect(noRate.errors).toEqual([expect.objectContaining({ field: 'ratePerUsd', rule: 'rate_unknown' })]);
    await request().request(
      'agreements.currency-rate.set',
      { rates: [{ currency: 'EUR', month, ratePerUsd: '0.9' }] },
      { actor: finance },
    );
    const received = await request().request(
      'agreements.tranche.receive',
      { agreementId: agreement.id, trancheId: first!.id, receivedOn: todayIso(), receivedMinor: 120_000_00 },
      { actor: finance },
    );
    expect(received.items[0]).toMatchObject({
      status: 'RECEIVED',
      receivedUsd: { minor: 133_333_33, ratePerUsd: '0.9', rateMonth: month },
    });
    expect(received).toMatchObject({
      plannedMinor: 200_000_00,
      receivedMinor: 120_000_00,
      receivedUsdMinor: 133_333_33,
    });
    const withBankRate = await request().request(
      'agreements.tranche.receive',
      {
        agreementId: agreement.id,
        trancheId: second!.id,
        receivedOn: todayIso(),
        receivedMinor: 79_000_00,
        ratePerUsd: '0.8',
      },
      { actor: finance },
    );
    expect(withBankRate.items[1]!.receivedUsd).toEqual({
      minor: 98_750_00,
      ratePerUsd: '0.8',
      rateMonth: null,
    });
    const after = await request().request('agreements.agreement.get', { id: agreement.id });
    expect(after).toMatchObject({
      receivedMinor: 199_000_00,
      receivedUsdMinor: 232_083_33,
      overdueTranches: 0,
    });

    // Every step announced (checked against the contract), in order.
    await waitFor(
      async () =>
        events.filter((e) => e.body.agreementId === agreement.id && e.subject.endsWith('status-changed.v1'))
          .length === 4,
    );
    const steps = events.filter(
      (e) => e.body.agreementId === agreement.id && e.subject.endsWith('status-changed.v1'),
    );
    expect(steps.map((e) => `${String(e.body.from)}→${String(e.body.status)}`)).toEqual([
      'DRAFT→IN_REVIEW',
      'IN_REVIEW→PENDING_SIGNATURE',
      'PENDING_SIGNATURE→SIGNED',
      'SIGNED→ACTIVE',
    ]);
    await waitFor(async () =>
      events.some(
        (e) =>
          e.subject === 'agreements.agreement.tranche-received.v1' && e.body.agreementId === agreement.id,
      ),
    );
    for (const event of events) {
      expect(
        eventContracts[event.subject as EventSubject].payload.safeParse(event.body).success,
        event.subject,
      ).toBe(true);
    }
    const trail = await request().request(
      'agreements.audit.search',
      { entityType: 'agreement', entityId: agreement.id, limit: 50 },
      { actor: admin },
    );
    expect(trail.items.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'agreement.registered',
        'agreement.submit',
        'agreement.sign',
        'tranche.planned',
        'tranche.received',
      ]),
    );
  });

  it('refuses a stale version with 409, and lists with filters and USD totals of the whole filtered set', async () => {
    const agreement = await request().request(
      'agreements.agreement.create',
      terms({
        title: 'Social protection floors in Senegal',
        allocations: {
          ...terms().allocations!,
          recipients: [{ kind: 'COUNTRY', code: 'SN', percent: 100 }],
          pbOutcomes: ['8'],
        },
      }),
      { actor: officer },
    );
    await request().request(
      'agreements.agreement.update',
      {
        ...terms({
          title: 'Social protection floors in Senegal (phase 2)',
          allocations: {
            ...terms().allocations!,
            recipients: [{ kind: 'COUNTRY', code: 'SN', percent: 100 }],
            pbOutcomes: ['8'],
          },
        }),
        id: agreement.id,
        version: agreement.version,
      },
      { actor: officer },
    );
    const stale = await failure(
      request().request(
        'agreements.agreement.update',
        { ...terms(), id: agreement.id, version: agreement.version },
        { actor: officer },
      ),
    );
    expect(stale.code).toBe('VERSION_CONFLICT');

    const bySenegal = await request().request('agreements.agreement.list', { country: 'SN' });
    expect(bySenegal.items.map((a) => a.title)).toEqual(['Social protection floors in Senegal (phase 2)']);
    const byRegion = await request().request('agreements.agreement.list', {
      region: 'AFRICA',
      pbOutcome: '8',
    });
    expect(byRegion.total).toBe(1);
    const everything = await request().request('agreements.agreement.list', {
      pageSize: 2,
      sort: 'reference',
    });
    expect(everything.items).toHaveLength(2);
    expect(everything.total).toBeGreaterThan(2);
    // The first agreement and the ones valued this month have rates; totals cover the whole set.
    const valued = await request().request('agreements.agreement.list', { pageSize: 100 });
    const expectedUsd = valued.items.reduce((sum, a) => sum + (a.totalUsd?.minor ?? 0), 0);
    expect(valued.totals).toEqual({
      usdMinor: expectedUsd,
      withoutRate: valued.items.filter((a) => !a.totalUsd).length,
    });
    expect((await request().request('agreements.agreement.list', { q: 'norad' })).total).toBe(valued.total);
    expect(
      (await request().request('agreements.agreement.list', { officerId: otherOfficer.userId })).total,
    ).toBe(0);
    expect(
      (await request().request('agreements.agreement.list', { minUsd: 1_000_000 })).items.every(
        (a) => (a.totalUsd?.minor ?? 0) >= 100_000_000,
      ),
    ).toBe(true);
  });

  it("keeps the list's narrow copy equal to the agreements, whatever changed them (totals are counted there)", async () => {
    const db = sut.service.app.get(DataSource);
    // Every column of the narrow copy, id included (they are named as in agreement).
    const columns: { column_name: string }[] = await db.query(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'agreement_list_entry'`,
    );
    const listed = columns.map((column) => column.column_name).join(', ');
    expect(columns.length).toBeGreaterThan(10);
    const differences = async (): Promise<unknown[]> =>
      db.query(
        `(SELECT ${listed} FROM agreement EXCEPT SELECT ${listed} FROM agreement_list_entry)
         UNION ALL
         (SELECT ${listed} FROM agreement_list_entry EXCEPT SELECT ${listed} FROM agreement)`,
      );
    // Changes by every path that touches a listed column: drafting, editing, reassigning, a lifecycle
    // step, a new rate revaluing, and a partner renamed on the bus (the search text is rebuilt in SQL).
    const green = aPartnerRegistered({ name: 'Green Fund', acronym: null, country: 'DK' });
    await publishEvent(sut.client, 'partners.partner.registered.v1', green);
    await waitFor(
      async () =>
        (await request().request('agreements.partner-option.list', { q: 'green fund' })).total === 1,
    );
    let agreement = await request().request(
      'agreements.agreement.create',
      terms({ title: 'Green skills in Jordan', currency: 'NOK', partnerIds: [green.partnerId] }),
      { actor: officer },
    );
    agreement = await request().request(
      'agreements.agreement.update',
      {
        ...terms({
          title: 'Green skills in Jordan and Lebanon',
          currency: 'NOK',
          partnerIds: [green.partnerId],
        }),
        id: agreement.id,
        version: agreement.version,
      },
      { actor: officer },
    );
    agreement = await request().request(
      'agreements.agreement.assign',
      {
        id: agreement.id,
        version: agreement.version,
        responsibleOfficerId: otherOfficer.userId,
        delegateIds: [officer.userId],
      },
      { actor: admin },
    );
    await step(otherOfficer, agreement, 'submit');
    await request().request(
      'agreements.currency-rate.set',
      { rates: [{ currency: 'NOK', month: terms().startOn!.slice(0, 7), ratePerUsd: '10.5' }] },
      { actor: finance },
    );
    await publishEvent(sut.client, 'partners.partner.updated.v1', {
      ...aPartnerUpdated(green),
      name: 'Green Renewables Fund',
    });
    await waitFor(
      async () => (await request().request('agreements.agreement.list', { q: 'renewables' })).total === 1,
    );

    const found = await request().request('agreements.agreement.list', {
      q: 'renewables',
      officerId: officer.userId,
    });
    expect(found.items.map((a) => [a.id, a.status])).toEqual([[agreement.id, 'IN_REVIEW']]);
    expect(found.totals.withoutRate).toBe(0);
    expect(await differences()).toEqual([]);
    const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM agreement_list_entry`);
    expect(count).toBe((await request().request('agreements.agreement.list', {})).total);
  });
});
