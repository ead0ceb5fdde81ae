import { ErrorCode, type Actor, type EventOf, type Partner } from '@pardev/contracts';
import { type MessageBus, type Subscription, type Transport } from '@pardev/messaging';
import { newId } from '@pardev/persistence';
import {
  runtimeKinds,
  startServiceUnderTest,
  type ServiceUnderTest,
  waitFor,
  type BootedService,
} from '@pardev/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppModule } from '../app.module';
import { PartnersEnvSchema } from '../config';
import { BlockingSweep } from './blocking-sweep';
import { todayIso } from './due-diligence.service';

const person = (...roles: string[]): Actor => ({ userId: newId(), roles });
const daysFromToday = (days: number) => todayIso(new Date(Date.now() + days * 86_400_000));

describe.each(runtimeKinds())('due diligence and blocking on %s bus with %s', (busKind, databaseKind) => {
  let service: BootedService;
  let client: Transport;
  let requests: MessageBus;
  let subscription: Subscription;
  let sut: ServiceUnderTest;
  const statusEvents: EventOf<'partners.partner.status-changed.v1'>[] = [];
  const flagEvents: string[] = [];
  const officer = person('officer');
  const otherOfficer = person('officer');
  const admin = person('admin');
  const viewer = person('viewer');
  const auditor = person('auditor');

  const aCompany = async (): Promise<Partner> =>
    requests.request(
      'partners.partner.register',
      { name: `Acme ${newId().slice(-8)} Ltd`, organisationType: '70', category: 'PRIVATE_SECTOR' },
      { actor: officer },
    );
  const recordCheck = (
    actor: Actor,
    partnerId: string,
    type: 'SANCTIONS' | 'SEAH_PSEA' | 'PRIVATE_SECTOR',
    checkedOn: string,
    expiresOn: string | null,
  ) =>
    requests.request(
      'partners.check.record',
      { partnerId, type, result: 'CLEAR', checkedOn, expiresOn, evidence: 'screening report' },
      { actor },
    );
  const codeOf = (promise: Promise<unknown>) =>
    promise.then(
      () => 'ok',
      (error: { code?: string }) => error.code,
    );
  const statusOf = async (id: string) => (await requests.request('partners.partner.get', { id })).status;

  beforeAll(async () => {
    sut = await startServiceUnderTest(busKind, databaseKind, 'partners_dd', (env) =>
      AppModule.forRoot(PartnersEnvSchema.parse({ ...env, DUE_DILIGENCE_SWEEP_MINUTES: '0' })),
    );
    ({ service, client, requests } = sut);
    subscription = await client.consume(
      {
        durable: `partners-dd-test-${Date.now()}`,
        subjects: [
          'partners.partner.status-changed.v1',
          'partners.partner.flag-raised.v1',
          'partners.partner.flag-resolved.v1',
        ],
        maxDeliver: 3,
        ackWaitMs: 5_000,
      },
      async (delivery) => {
        if (delivery.subject.endsWith('status-changed.v1')) statusEvents.push(JSON.parse(delivery.body));
        else flagEvents.push(`${delivery.subject.split('.')[2]}:${JSON.parse(delivery.body).level}`);
        await delivery.ack();
      },
    );
  });

  afterAll(async () => {
    await subscription?.unsubscribe();
    await sut?.close();
  });

  it('blocks a partner with a red flag until an admin resolves it, announcing each change', async () => {
    const partner = await aCompany();
    const raised = await requests.request(
      'partners.flag.raise',
      {
        partnerId: partner.id,
        level: 'RED',
        category: 'SANCTIONS_MATCH',
        comment: 'Name on the consolidated list',
      },
      { actor: officer },
    );
    expect(raised).toMatchObject({ blockedForNewAgreements: true, reasons: [{ rule: 'RED_FLAG' }] });
    expect(await statusOf(partner.id)).toBe('BLOCKED');
    const flagId = raised.flags[0]!.id;

    const resolve = (actor: Actor) =>
      requests.request(
        'partners.flag.resolve',
        { partnerId: partner.id, flagId, resolution: 'A different company' },
        { actor },
      );
    expect(await codeOf(resolve(officer))).toBe(ErrorCode.Forbidden);
    const resolved = await resolve(admin);
    expect(resolved).toMatchObject({ blockedForNewAgreements: false, reasons: [] });
    expect(await codeOf(resolve(admin))).toBe(ErrorCode.FlagAlreadyResolved);
    expect(await statusOf(partner.id)).toBe('ACTIVE');

    await waitFor(async () =>
      statusEvents.filter((e) => e.partnerId === partner.id).length === 2 ? true : undefined,
    );
    expect(
      statusEvents
        .filter((e) => e.partnerId === partner.id)
        .map((e) => [e.status, e.previousStatus, e.reasons]),
    ).toEqual([
      ['BLOCKED', 'ACTIVE', ['RED_FLAG']],
      ['ACTIVE', 'BLOCKED', []],
    ]);
    await waitFor(async () => (flagEvents.includes('flag-resolved:RED') ? true : undefined));
    expect(flagEvents).toContain('flag-raised:RED');

    const history = await requests.request(
      'partners.audit.search',
      { entityType: 'partner', entityId: partner.id },
      { actor: auditor },
    );
    expect(history.items.map((e) => e.action)).toEqual([
      'partner.status-changed',
      'flag.resolved',
      'partner.status-changed',
      'flag.raised',
      'partner.registered',
    ]);
  });

  it('lets only those who may change the partner record checks and raise flags', async () => {
    const partner = await aCompany();
    for (const actor of [otherOfficer, viewer, auditor]) {
      expect(await codeOf(recordCheck(actor, partner.id, 'SANCTIONS', daysFromToday(-1), null))).toBe(
        ErrorCode.Forbidden,
      );
      expect(
        await codeOf(
          requests.request(
            'partners.flag.raise',
            { partnerId: partner.id, level: 'YELLOW', category: 'OTHER', comment: 'x' },
            { actor },
          ),
        ),
      ).toBe(ErrorCode.Forbidden);
    }
    expect(await codeOf(recordCheck(officer, newId(), 'SANCTIONS', daysFromToday(-1), null))).toBe(
      ErrorCode.PartnerNotFound,
    );
  });

  it('withholds check details and SEAH flags from viewers, and says so', async () => {
    const partner = await aCompany();
    await recordCheck(officer, partner.id, 'SANCTIONS', daysFromToday(-3), daysFromToday(300));
    await requests.request(
      'partners.flag.raise',
      {
        partnerId: partner.id,
        level: 'ESCALATED',
        category: 'SEXUAL_EXPLOITATION_AND_ABUSE',
        comment: 'Allegation under review',
      },
      { actor: officer },
    );
    await requests.request(
      'partners.flag.raise',
      { partnerId: partner.id, level: 'YELLOW', category: 'FINANCIAL', comment: 'Late audited statements' },
      { actor: officer },
    );
    const seenByViewer = await requests.request(
      'partners.due-diligence.get',
      { partnerId: partner.id },
      { actor: viewer },
    );
    expect(seenByViewer).toMatchObject({ checks: [], restricted: true, missingChecks: [] });
    expect(seenByViewer.flags.map((f) => f.category)).toEqual(['FINANCIAL']);
    const seenByAuditor = await requests.request(
      'partners.due-diligence.get',
      { partnerId: partner.id },
      { actor: auditor },
    );
    expect(seenByAuditor).toMatchObject({
      restricted: false,
      missingChecks: ['SEAH_PSEA', 'PRIVATE_SECTOR'],
    });
    expect(seenByAuditor.checks.map((c) => c.type)).toEqual(['SANCTIONS']);
    expect(seenByAuditor.flags).toHaveLength(2);
  });

  it('blocks a private-sector partner once a mandatory check expires, found by the sweep, and unblocks it when renewed', async () => {
    const partner = await aCompany();
    await recordCheck(officer, partner.id, 'SANCTIONS', daysFromToday(-360), daysFromToday(2));
    expect(await statusOf(partner.id)).toBe('ACTIVE');
    const expiring = await requests.request('partners.check.expiring', { days: 30 }, { actor: auditor });
    expect(await codeOf(requests.request('partners.check.expiring', { days: 30 }, { actor: viewer }))).toBe(
      ErrorCode.Forbidden,
    );
    expect(expiring.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ partnerId: partner.id, type: 'SANCTIONS', partnerName: partner.name }),
      ]),
    );

    const sweep = service.app.get(BlockingSweep);
    expect(await sweep.run(daysFromToday(1))).toBe(0);
    expect(await sweep.run(daysFromToday(3))).toBeGreaterThanOrEqual(1);
    expect(await statusOf(partner.id)).toBe('BLOCKED');
    expect(await sweep.run(daysFromToday(3))).toBe(0);
    const dueDiligence = await requests.request(
      'partners.due-diligence.get',
      { partnerId: partner.id },
      { actor: officer },
    );
    expect(dueDiligence.reasons).toEqual([{ rule: 'MANDATORY_CHECK_EXPIRED', checkType: 'SANCTIONS' }]);

    // Recording an already-expired check blocks at once; a renewed one lifts the block.
    await recordCheck(officer, partner.id, 'SANCTIONS', daysFromToday(-1), daysFromToday(365));
    expect(await statusOf(partner.id)).toBe('ACTIVE');
  });

  it('refuses a check dated in the future or expiring before it was done, naming the field', async () => {
    const partner = await aCompany();
    await expect(recordCheck(officer, partner.id, 'SANCTIONS', daysFromToday(5), null)).rejects.toMatchObject(
      {
        code: ErrorCode.ValidationFailed,
        errors: [expect.objectContaining({ field: 'checkedOn' })],
      },
    );
    await expect(
      recordCheck(officer, partner.id, 'SANCTIONS', daysFromToday(-5), daysFromToday(-6)),
    ).rejects.toMatchObject({
      errors: [expect.objectContaining({ field: 'expiresOn' })],
    });
  });
});
