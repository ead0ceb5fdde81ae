import { busKinds } from '@pardev/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, signIn, startSystemUnderTest, type SystemUnderTest } from '../support/system-under-test';

const REGISTRATIONS = 2_000;
const CONCURRENCY = 16;
// The agreements-service is killed (SIGKILL: no shutdown hooks) at these points and started again.
const KILL_AT = [500, 1_300];

describe.each(busKinds())(
  'no partner event is lost or applied twice when a consumer crashes (%s bus)',
  (kind) => {
    let sut: SystemUnderTest;

    beforeAll(async () => {
      sut = await startSystemUnderTest(kind);
    });

    afterAll(async () => {
      await sut?.stop();
    });

    it(`keeps exactly ${REGISTRATIONS} partners in agreements-service after it is killed twice mid-stream`, async () => {
      const http = await signIn(sut.system.baseUrl);
      const agreements = sut.system.processes['agreements-service'];
      const run = Date.now().toString(36);
      const kills: Promise<void>[] = [];
      let next = 0;
      let registered = 0;
      const failures: string[] = [];

      const worker = async (): Promise<void> => {
        while (next < REGISTRATIONS) {
          const index = next++;
          if (KILL_AT.includes(index)) {
            kills.push(
              (async () => {
                const pid = agreements.pid;
                await agreements.kill();
                sut.logs.push(`[test] killed agreements-service pid ${pid} after ${index} registrations`);
                await new Promise((r) => setTimeout(r, 300));
                agreements.start();
              })(),
            );
          }
          const response = await http.post('/api/v1/partners', {
            name: `Fault-test partner ${run}-${index}`,
            acronym: null,
            organisationType: '40',
            category: 'OTHER',
            country: null,
          });
          if (response.status === 201) registered++;
          else failures.push(`${index}: ${response.status} ${await response.text()}`);
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      await Promise.all(kills);
      expect(failures).toEqual([]);
      expect(registered).toBe(REGISTRATIONS);

      // Every registration reaches the restarted consumer exactly once.
      const total = await eventually(
        async () => {
          const response = await http.get(`/api/v1/agreements/partner-options?q=${run}&pageSize=1`);
          if (!response.ok) return undefined;
          const page = (await response.json()) as { total: number };
          return page.total >= REGISTRATIONS ? page.total : undefined;
        },
        90_000,
        `${REGISTRATIONS} partners in agreements-service`,
      );
      expect(total).toBe(REGISTRATIONS);

      const names = new Set<string>();
      for (let page = 1; page <= REGISTRATIONS / 100; page++) {
        const response = await http.get(
          `/api/v1/agreements/partner-options?q=${run}&pageSize=100&page=${page}`,
        );
        const body = (await response.json()) as { items: { id: string; name: string }[] };
        for (const item of body.items) names.add(item.name);
      }
      expect(names.size).toBe(REGISTRATIONS);
    });
  },
);
