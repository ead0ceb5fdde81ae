import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RegisterPartnerRequest } from '@pardev/contracts';
import {
  aPartnerRegistered,
  publishEvent,
  runtimeKinds,
  startServiceUnderTest,
  waitFor,
  type ServiceEnvironment,
  type ServiceUnderTest,
} from '@pardev/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppModule } from '../app.module';
import { AgreementsEnvSchema } from '../config';
import { todayIso } from '../agreements/agreements.service';
import { demoAgreements } from './demo-agreements';
import { DEMO_OFFICER_ID, DEMO_SEED_TIMING, DemoSeed } from './demo-seed';

const demoPartners = JSON.parse(
  readFileSync(join(__dirname, '../../../partners-service/src/seed/demo-partners.json'), 'utf8'),
) as RegisterPartnerRequest[];

describe.each(runtimeKinds())(
  'demo agreements on a fresh install, on %s bus with %s',
  (busKind, databaseKind) => {
    let sut: ServiceUnderTest;
    const demo = demoAgreements(todayIso());
    const names = [...new Set(demo.flatMap((a) => a.partners))];

    beforeAll(async () => {
      sut = await startServiceUnderTest(busKind, databaseKind, 'agreements_demo_seed', (env) =>
        AppModule.forRoot(AgreementsEnvSchema.parse({ ...env, SEED_DEMO_DATA: 'true' })),
      );
    });

    afterAll(async () => {
      await sut?.close();
    });

    it('waits for the demo partners without holding up the boot, then seeds the agreements through the use cases', async () => {
      // Booted and answering, with nothing seeded: the partners have not arrived yet.
      expect((await sut.requests.request('agreements.agreement.list', {})).total).toBe(0);

      // partners-service announces its demo partners (a few others too, as it would).
      for (const name of [...names, 'International Labour Standards Fund (not a demo partner)']) {
        const partner = demoPartners.find((p) => p.name === name);
        await publishEvent(
          sut.client,
          'partners.partner.registered.v1',
          aPartnerRegistered({
            name,
            acronym: partner?.acronym ?? null,
            category: partner?.category ?? 'OTHER',
            country: partner?.country ?? null,
          }),
        );
      }
      await waitFor(
        async () => (await sut.requests.request('agreements.agreement.list', {})).total === demo.length,
        45_000,
      );
      await sut.service.app.get(DemoSeed).settled();

      const list = await sut.requests.request('agreements.agreement.list', { pageSize: 100 });
      expect(list.items.map((a) => a.title).sort()).toEqual(demo.map((a) => a.terms.title).sort());
      const byTitle = new Map(list.items.map((a) => [a.title, a]));
      for (const a of demo) {
        expect(byTitle.get(a.terms.title), a.terms.title).toMatchObject({
          status: a.status,
          currency: a.terms.currency,
          totalMinor: a.terms.totalMinor,
          responsibleOfficerId: DEMO_OFFICER_ID,
          partners: a.partners.map((name) => expect.objectContaining({ name })),
        });
      }
      // USD totals: every signed agreement is valued (the illustrative rates cover its month).
      expect(list.totals.usdMinor).toBeGreaterThan(0);
      const signed = list.items.filter(
        (a) => !['DRAFT', 'IN_REVIEW', 'PENDING_SIGNATURE'].includes(a.status),
      );
      expect(signed.every((a) => a.totalUsd !== null)).toBe(true);
      expect(list.items.reduce((sum, a) => sum + a.overdueTranches, 0)).toBe(1);
      expect(list.items.filter((a) => a.receivedMinor > 0).length).toBeGreaterThanOrEqual(5);

      const kenya = byTitle.get('Decent work for youth in the agricultural sector of Kenya')!;
      const obligations = await sut.requests.request('agreements.obligation.list', { agreementId: kenya.id });
      expect(obligations.items.map((o) => o.type).sort()).toEqual([
        'CERTIFIED_FINANCIAL',
        'FINAL_NARRATIVE',
        'NARRATIVE_PROGRESS',
      ]);
      const schedule = await sut.requests.request('agreements.tranche.list', { agreementId: kenya.id });
      expect(schedule.items.map((t) => t.status)).toEqual(['RECEIVED', 'OVERDUE', 'PLANNED']);
      expect(schedule.items[0]!.receivedUsd?.rateMonth).toMatch(/^\d{4}-\d{2}$/);
    });
  },
);

describe.each(runtimeKinds())(
  'demo agreements whose partners never come, on %s bus with %s',
  (busKind, databaseKind) => {
    it('gives up with a warning after the time allowed, and a shutdown while waiting is clean', async () => {
      const withTiming = (giveUpMs: number) => (env: ServiceEnvironment) => {
        const module = AppModule.forRoot(AgreementsEnvSchema.parse({ ...env, SEED_DEMO_DATA: 'true' }));
        return {
          ...module,
          providers: [
            ...(module.providers ?? []),
            { provide: DEMO_SEED_TIMING, useValue: { pollMs: 20, giveUpMs } },
          ],
        };
      };
      const gaveUp = await startServiceUnderTest(
        busKind,
        databaseKind,
        'agreements_demo_seed_none',
        withTiming(200),
      );
      try {
        await gaveUp.service.app.get(DemoSeed).settled();
        expect((await gaveUp.requests.request('agreements.agreement.list', {})).total).toBe(0);
      } finally {
        await gaveUp.close();
      }

      const stopped = await startServiceUnderTest(
        busKind,
        databaseKind,
        'agreements_demo_seed_stop',
        withTiming(60_000),
      );
      const started = Date.now();
      await stopped.close();
      expect(Date.now() - started).toBeLessThan(5_000);
    });
  },
);
