import type { Actor, PartnerImport } from '@pardev/contracts';
import { createTransport, type MessageBus, type Transport } from '@pardev/messaging';
import { newId } from '@pardev/persistence';
import {
  bootService,
  runtimeKinds,
  serviceEnvironment,
  signingBus,
  startTestBus,
  type BootedService,
  type ServiceEnvironment,
  type TestBus,
} from '@pardev/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppModule } from '../app.module';
import { PartnersEnvSchema } from '../config';
import { APPLY_BATCH_ROWS } from './partner-import-applier';

const admin: Actor = { userId: newId(), roles: ['admin'] };
const ROWS = APPLY_BATCH_ROWS * 10;

describe.each(runtimeKinds())('a partner import across a restart (%s bus, %s)', (busKind, databaseKind) => {
  let bus: TestBus;
  let env: ServiceEnvironment;
  let drop: () => Promise<void>;
  let client: Transport;
  let requests: MessageBus;
  let service: BootedService | undefined;
  let dataDir: string;
  const tag = `r${newId().slice(-8)}`;

  const boot = async () => {
    service = await bootService(
      AppModule.forRoot(
        PartnersEnvSchema.parse({ ...env, DUE_DILIGENCE_SWEEP_MINUTES: '0', LOG_LEVEL: 'error' }),
      ),
    );
  };
  const importNow = (importId: string): Promise<PartnerImport> =>
    requests.request('partners.import.get', { importId }, { actor: admin });

  beforeAll(async () => {
    bus = await startTestBus(busKind);
    ({ env, drop } = await serviceEnvironment(bus, databaseKind, 'partners_import'));
    // PGlite on disk, so that the second process finds what the first one left.
    dataDir = mkdtempSync(join(tmpdir(), 'partners-import-'));
    env = { ...env, DATA_DIR: dataDir };
    client = createTransport(bus.url, 'partners-import-test', { namespace: bus.namespace });
    await client.connect();
    requests = signingBus(client, 'partners-import-test', 30_000);
    await boot();
  });

  afterAll(async () => {
    await client?.close();
    await service?.close();
    await bus?.close();
    await drop?.();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('finishes after a stop in the middle, writing every row exactly once', async () => {
    const started = await requests.request(
      'partners.import.start',
      {
        fileName: 'many.csv',
        format: 'csv',
        columns: ['name', 'organisationType', 'category', 'tags'],
        ignoredColumns: [],
        rowCount: ROWS,
      },
      { actor: admin },
    );
    const rows = Array.from({ length: ROWS }, (_, i) => ({
      rowNumber: i + 2,
      values: { name: `Trust ${tag} ${i}`, organisationType: '60', category: 'FOUNDATION', tags: tag },
    }));
    for (let i = 0; i < ROWS; i += 250) {
      await requests.request(
        'partners.import.stage-rows',
        { importId: started.id, rows: rows.slice(i, i + 250) },
        { actor: admin },
      );
    }
    // A chunk sent twice (a retried request) is staged once.
    await requests.request(
      'partners.import.stage-rows',
      { importId: started.id, rows: rows.slice(0, 10) },
      { actor: admin },
    );
    const checked = await requests.request(
      'partners.import.check',
      { importId: started.id },
      { actor: admin },
    );
    expect(checked.planned).toEqual({ create: ROWS, update: 0, skip: 0, error: 0 });

    await requests.request('partners.import.apply', { importId: started.id }, { actor: admin });
    for (
      let current = await importNow(started.id);
      current.progress.done < APPLY_BATCH_ROWS;
      current = await importNow(started.id)
    ) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // Stopped between two batches: the one under way commits, the rest waits.
    await service!.close();
    service = undefined;
    await boot();
    const afterRestart = await importNow(started.id);
    expect(afterRestart.progress.done, 'stopped part-way').toBeLessThan(ROWS);

    const deadline = Date.now() + 60_000;
    let finished = afterRestart;
    while (finished.status !== 'DONE' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      finished = await importNow(started.id);
    }
    expect(finished).toMatchObject({
      status: 'DONE',
      progress: { done: ROWS, total: ROWS, created: ROWS, failed: 0 },
    });
    const listed = await requests.request('partners.partner.list', { tag, pageSize: 1 }, { actor: admin });
    expect(listed.total).toBe(ROWS);
    // One registration in the trail per partner, none twice.
    const db = service!.app.get(DataSource);
    const [{ audited, entries }] = await db.query(
      `SELECT count(DISTINCT entity_id)::int AS audited, count(*)::int AS entries FROM audit_entry
       WHERE action = 'partner.registered' AND note LIKE 'imported from many.csv, row %'`,
    );
    expect({ audited, entries }).toEqual({ audited: ROWS, entries: ROWS });
  });
});
