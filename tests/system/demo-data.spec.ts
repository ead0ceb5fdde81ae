import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventually,
  root,
  signIn,
  startSystemUnderTest,
  type SystemUnderTest,
} from '../support/system-under-test';

const demoPartners = (
  JSON.parse(
    readFileSync(join(root, 'apps/partners-service/src/seed/demo-partners.json'), 'utf8'),
  ) as unknown[]
).length;

// A fresh install seeds partners (partners-service) and agreements (agreements-service, from the
// partners it learns by events) while the services are still starting: on the embedded broker the
// events published before a consumer's first start used to be lost (JetStream keeps them in its
// stream, and the NATS path is covered by the other system tests).
describe.each(['embedded' as const])('the demo data of a fresh install (%s bus)', (kind) => {
  let sut: SystemUnderTest;

  beforeAll(async () => {
    sut = await startSystemUnderTest(kind, 'warn', { seedDemoData: true });
  });

  afterAll(async () => {
    await sut?.stop();
  });

  it('reaches every service: all demo partners in the agreements directory, the demo agreements and their reporting calendar', async () => {
    const http = await signIn(sut.system.baseUrl);
    const total = async (path: string) => ((await (await http.get(path)).json()) as { total: number }).total;

    await eventually(
      async () =>
        (await total('/api/v1/agreements/partner-options?pageSize=1')) === demoPartners ? true : undefined,
      60_000,
      `${demoPartners} partner options in agreements-service`,
    );
    const agreements = await eventually(
      async () => {
        const before = await total('/api/v1/agreements?pageSize=1');
        await new Promise((r) => setTimeout(r, 1_000));
        // Settled: the seed has finished once a second passes without a new agreement.
        return before >= 10 && before === (await total('/api/v1/agreements?pageSize=1')) ? before : undefined;
      },
      60_000,
      'the demo agreements',
    );
    const list = (await (await http.get('/api/v1/agreements?pageSize=50')).json()) as {
      items: { status: string; partners: unknown[] }[];
      totals: { usdMinor: number };
    };
    expect(list.items).toHaveLength(agreements);
    expect(list.items.every((agreement) => agreement.partners.length > 0)).toBe(true);
    expect(new Set(list.items.map((agreement) => agreement.status))).toContain('ACTIVE');
    expect(list.totals.usdMinor).toBeGreaterThan(0);
    // results-service learnt the obligations of the signed ones from their events.
    await eventually(
      async () => ((await total('/api/v1/reports?pageSize=1')) > 0 ? true : undefined),
      30_000,
      'the reporting calendar',
    );
  });
});
