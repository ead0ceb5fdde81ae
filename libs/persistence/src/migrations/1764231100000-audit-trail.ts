import type { MigrationInterface, QueryRunner } from 'typeorm';

// The audit trail: the same table in every service's database, written in the change's transaction.
export class AuditTrail1764231100000 implements MigrationInterface {
  name = 'AuditTrail1764231100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE audit_entry (
        id uuid PRIMARY KEY,
        occurred_at timestamptz NOT NULL,
        source text NOT NULL,
        actor_id text,
        actor_roles text[] NOT NULL DEFAULT '{}',
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text,
        changes jsonb NOT NULL DEFAULT '[]',
        note text,
        correlation_id text
      )`);
    // Ids are UUIDv7 (time-ordered): "newest first" is "id descending", and the id is the cursor.
    await db.query(`CREATE INDEX audit_entry_entity_idx ON audit_entry (entity_type, entity_id, id DESC)`);
    await db.query(`CREATE INDEX audit_entry_actor_idx ON audit_entry (actor_id, id DESC)`);
    await db.query(`CREATE INDEX audit_entry_occurred_idx ON audit_entry (occurred_at)`);
    // Nobody edits history: the application role may insert and read, never update or delete.
    await db.query(`
      CREATE FUNCTION audit_entry_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the audit trail is append-only';
      END $$`);
    await db.query(`
      CREATE TRIGGER audit_entry_immutable BEFORE UPDATE OR DELETE ON audit_entry
      FOR EACH ROW EXECUTE FUNCTION audit_entry_immutable()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER audit_entry_immutable ON audit_entry`);
    await db.query(`DROP FUNCTION audit_entry_immutable()`);
    await db.query(`DROP TABLE audit_entry`);
  }
}
