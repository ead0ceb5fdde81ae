import type { EventOf } from '@pardev/contracts';
import { newId } from '@pardev/persistence';
import {
  publishEvent,
  runtimeKinds,
  startServiceUnderTest,
  waitFor,
  type ServiceUnderTest,
} from '@pardev/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppModule } from '../app.module';
import { ResultsEnvSchema } from '../config';

const partnerId = newId();
const obligationsSet = (
  overrides: Partial<EventOf<'agreements.agreement.obligations-set.v1'>> = {},
): EventOf<'agreements.agreement.obligations-set.v1'> => ({
  agreementId: newId(),
  reference: 'XBDC-2026-0001',
  title: 'Skills for green jobs',
  partnerIds: [partnerId],
  status: 'SIGNED',
  startOn: '2026-01-01',
  endOn: '2027-12-31',
  obligations: [
    {
      id: newId(),
      type: 'NARRATIVE_PROGRESS',
      frequency: 'SEMI_ANNUAL',
      daysAfterPeriodEnd: 30,
      customDates: [],
      notes: null,
    },
    {
      id: newId(),
      type: 'FINAL_NARRATIVE',
      frequency: 'FINAL',
      daysAfterPeriodEnd: 90,
      customDates: [],
      notes: null,
    },
  ],
  version: 3,
  setAt: new Date().toISOString(),
  ...overrides,
});
const statusChanged = (
  event: EventOf<'agreements.agreement.obligations-set.v1'>,
  status: EventOf<'agreements.agreement.status-changed.v1'>['status'],
  version: number,
  changedAt: string,
): EventOf<'agreements.agreement.status-changed.v1'> => ({
  agreementId: event.agreementId,
  reference: event.reference,
  title: event.title,
  partnerIds: event.partnerIds,
  fundingSource: 'XBDC',
  currency: 'EUR',
  totalMinor: 100_000_00,
  startOn: event.startOn,
  endOn: event.endOn,
  status,
  responsibleOfficerId: null,
  version,
  action: status === 'TERMINATED' ? 'terminate' : 'cancel',
  from: event.status,
  reason: 'the partner withdrew',
  changedAt,
});

describe.each(runtimeKinds())('the reporting calendar on %s bus with %s', (busKind, databaseKind) => {
  let sut: ServiceUnderTest;
  const reports = (agreementId: string) =>
    sut.requests.request('results.report.list', { agreementId, pageSize: 100 });

  beforeAll(async () => {
    sut = await startServiceUnderTest(busKind, databaseKind, 'results_calendar', (env) =>
      AppModule.forRoot(ResultsEnvSchema.parse(env)),
    );
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('works out the reports due from the obligations, and ignores an older event arriving late', async () => {
    const event = obligationsSet();
    await publishEvent(sut.client, 'agreements.agreement.obligations-set.v1', event);
    const page = await waitFor(async () => {
      const found = await reports(event.agreementId);
      return found.total === 5 ? found : undefined;
    });
    expect(page.items.map((r) => `${r.type} ${r.dueOn}`)).toEqual([
      'NARRATIVE_PROGRESS 2026-07-30',
      'NARRATIVE_PROGRESS 2027-01-30',
      'NARRATIVE_PROGRESS 2027-07-30',
      'NARRATIVE_PROGRESS 2028-01-30',
      'FINAL_NARRATIVE 2028-03-30',
    ]);
    // Version 2 (a draft without obligations) comes after version 3: nothing changes.
    await publishEvent(sut.client, 'agreements.agreement.updated.v1', {
      ...statusChanged(event, 'DRAFT', 2, new Date().toISOString()),
      updatedAt: new Date().toISOString(),
    });
    const marker = obligationsSet({ partnerIds: [newId()] });
    await publishEvent(sut.client, 'agreements.agreement.obligations-set.v1', marker);
    await waitFor(async () => (await reports(marker.agreementId)).total === 5);
    expect((await reports(event.agreementId)).total).toBe(5);
    const byPartner = await sut.requests.request('results.report.list', { partnerId, status: 'OVERDUE' });
    expect(byPartner.items.every((r) => r.dueOn < new Date().toISOString().slice(0, 10))).toBe(true);
  });

  it('cancels the reports of periods after a termination, and owes none for a cancelled agreement', async () => {
    const terminated = obligationsSet();
    await publishEvent(sut.client, 'agreements.agreement.obligations-set.v1', terminated);
    await waitFor(async () => (await reports(terminated.agreementId)).total === 5);
    await publishEvent(
      sut.client,
      'agreements.agreement.status-changed.v1',
      statusChanged(terminated, 'TERMINATED', 4, '2026-09-15T10:00:00.000Z'),
    );
    const after = await waitFor(async () => {
      const found = await reports(terminated.agreementId);
      return found.items.some((r) => r.status === 'CANCELLED') ? found : undefined;
    });
    // Periods starting after 15 September 2026 are no longer owed (the final report still is).
    expect(
      after.items.map((r) => `${r.type} ${r.periodStart} ${r.status === 'CANCELLED' ? 'cancelled' : 'owed'}`),
    ).toEqual([
      'NARRATIVE_PROGRESS 2026-01-01 owed',
      'NARRATIVE_PROGRESS 2026-07-01 owed',
      'NARRATIVE_PROGRESS 2027-01-01 cancelled',
      'NARRATIVE_PROGRESS 2027-07-01 cancelled',
      'FINAL_NARRATIVE 2026-01-01 owed',
    ]);

    const cancelled = obligationsSet({ status: 'PENDING_SIGNATURE' });
    await publishEvent(sut.client, 'agreements.agreement.obligations-set.v1', cancelled);
    await publishEvent(
      sut.client,
      'agreements.agreement.status-changed.v1',
      statusChanged(cancelled, 'CANCELLED', 4, new Date().toISOString()),
    );
    const marker = obligationsSet();
    await publishEvent(sut.client, 'agreements.agreement.obligations-set.v1', marker);
    await waitFor(async () => (await reports(marker.agreementId)).total === 5);
    expect((await reports(cancelled.agreementId)).total).toBe(0);
  });
});
