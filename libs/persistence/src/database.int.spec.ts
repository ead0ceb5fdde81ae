import { createTestDatabase, databaseKinds, type TestDatabase } from '@pardev/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './database';
import { newId } from './ids';
import { AuditTrail } from './audit/audit-trail';
import { OutboxEntity } from './messaging/messaging.entities';

class ThingTable1764230400002 implements MigrationInterface {
  name = 'ThingTable1764230400002';
  async up(db: QueryRunner) {
    await db.query(`CREATE TABLE thing (id uuid PRIMARY KEY, label text NOT NULL)`);
  }
  async down(db: QueryRunner) {
    await db.query(`DROP TABLE thing`);
  }
}

describe.each(databaseKinds())('database (%s)', (kind) => {
  let pg: TestDatabase | undefined;
  let dataDir: string;
  let database: Database;
  const open = () =>
    openDatabase({
      service: 'persistence-test',
      databaseUrl: pg?.url,
      dataDir,
      entities: [],
      migrations: [ThingTable1764230400002],
    });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'pardev-persistence-'));
    if (kind === 'postgres') pg = await createTestDatabase('persistence');
    database = await open();
  });

  afterAll(async () => {
    await database?.close();
    await pg?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs the shared migrations (outbox, inbox, audit trail) and the service migrations in time order, once', async () => {
    const applied = await database.dataSource.query(`SELECT name FROM migrations ORDER BY id`);
    expect(applied.map((m: { name: string }) => m.name)).toEqual([
      'MessagingTables1764230400000',
      'ThingTable1764230400002',
      'AuditTrail1764231100000',
    ]);
    expect(await database.migrate()).toEqual([]);
  });

  it('reverts every migration with its down step', async () => {
    const tablesNamed = (name: string) =>
      database.dataSource.query(`SELECT 1 FROM information_schema.tables WHERE table_name = $1`, [name]);
    await database.dataSource.undoLastMigration();
    expect(await tablesNamed('audit_entry')).toHaveLength(0);
    await database.dataSource.undoLastMigration();
    expect(await tablesNamed('thing')).toHaveLength(0);
    expect(await database.migrate()).toEqual(['ThingTable1764230400002', 'AuditTrail1764231100000']);
  });

  it('keeps the audit trail append-only: an entry can be neither changed nor deleted', async () => {
    const trail = new AuditTrail(database.dataSource, 'test');
    await database.dataSource.transaction((manager) =>
      trail.record(manager, { action: 'thing.created', entityType: 'thing', entityId: 't1' }, {}),
    );
    await expect(database.dataSource.query(`UPDATE audit_entry SET action = 'forged'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(database.dataSource.query(`DELETE FROM audit_entry`)).rejects.toThrow(/append-only/);
    const page = await trail.search({ entityType: 'thing', entityId: 't1', limit: 10 });
    expect(page.items).toEqual([expect.objectContaining({ action: 'thing.created', source: 'test' })]);
  });

  it('keeps overlapping transactions apart: a rollback loses neither the other transaction’s rows nor its outbox row', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        database.dataSource.transaction(async (manager) => {
          const id = newId();
          await manager.query(`INSERT INTO thing (id, label) VALUES ($1, $2)`, [id, `t${i}`]);
          await manager.insert(OutboxEntity, {
            id,
            subject: 'test.thing.created.v1',
            payload: { i },
            headers: {},
          });
          await new Promise((r) => setTimeout(r, 1));
          if (i % 2 === 1) throw new Error('rolled back on purpose');
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
    const [{ things, outbox }] = await database.dataSource.query(
      `SELECT (SELECT count(*) FROM thing)::int AS things, (SELECT count(*) FROM outbox WHERE subject = 'test.thing.created.v1')::int AS outbox`,
    );
    expect({ things, outbox }).toEqual({ things: 10, outbox: 10 });
    const orphans = await database.dataSource.query(
      `SELECT id FROM outbox o WHERE subject = 'test.thing.created.v1' AND NOT EXISTS (SELECT 1 FROM thing t WHERE t.id = o.id)`,
    );
    expect(orphans).toHaveLength(0);
  });

  it('notifies a listener after an outbox row commits, not before', async () => {
    const seen: string[] = [];
    const unlisten = await database.listen('outbox', () => seen.push('notified'));
    await database.dataSource.transaction(async (manager) => {
      await manager.insert(OutboxEntity, {
        id: newId(),
        subject: 'test.thing.created.v1',
        payload: {},
        headers: {},
      });
      await new Promise((r) => setTimeout(r, 50));
      expect(seen).toEqual([]);
    });
    const deadline = Date.now() + 2_000;
    while (seen.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    await unlisten();
    expect(seen.length).toBeGreaterThan(0);
  });

  // Only PGlite has a data directory to guard.
  if (kind === 'pglite')
    it('refuses a second process on the same data directory, keeps data across a reopen', async () => {
      const id = newId();
      await database.dataSource.query(`INSERT INTO thing (id, label) VALUES ($1, 'kept')`, [id]);
      // The lock file holds this process's pid, which is alive; a different live pid must be refused.
      const { writeFileSync } = await import('node:fs');
      await database.close();
      writeFileSync(join(dataDir, 'persistence-test', '.pardev.lock'), String(process.ppid));
      await expect(open()).rejects.toThrow(/in use by process/);
      rmSync(join(dataDir, 'persistence-test', '.pardev.lock'));
      database = await open();
      const rows = await database.dataSource.query(`SELECT label FROM thing WHERE id = $1`, [id]);
      expect(rows).toEqual([{ label: 'kept' }]);
    });
});
