import type { MigrationInterface, QueryRunner } from 'typeorm';

// Spreadsheet imports: the file's rows staged as read, what the dry run planned for each, and, once
// applied, what happened to each. `apply_cause` keeps the envelope of the apply request so that an
// import interrupted by a restart finishes under the same actor and correlation id.
export class PartnerImports1764231800000 implements MigrationInterface {
  name = 'PartnerImports1764231800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE partner_import (
        id uuid PRIMARY KEY,
        file_name text NOT NULL,
        format text NOT NULL CHECK (format IN ('csv', 'xlsx')),
        status text NOT NULL DEFAULT 'STAGED' CHECK (status IN ('STAGED', 'READY', 'APPLYING', 'DONE')),
        columns text[] NOT NULL,
        ignored_columns text[] NOT NULL DEFAULT '{}',
        row_count integer NOT NULL,
        planned jsonb NOT NULL DEFAULT '{"create":0,"update":0,"skip":0,"error":0}',
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        checked_at timestamptz,
        applied_at timestamptz,
        finished_at timestamptz,
        apply_cause jsonb
      )`);
    await db.query(
      `CREATE INDEX partner_import_applying_idx ON partner_import (status) WHERE status = 'APPLYING'`,
    );
    await db.query(`
      CREATE TABLE partner_import_row (
        import_id uuid NOT NULL REFERENCES partner_import (id) ON DELETE CASCADE,
        row_number integer NOT NULL,
        cells jsonb NOT NULL,
        outcome text CHECK (outcome IN ('CREATE', 'UPDATE', 'SKIP', 'ERROR', 'CREATED', 'UPDATED', 'FAILED')),
        partner_id uuid,
        partner_version integer,
        profile jsonb,
        changed_fields text[] NOT NULL DEFAULT '{}',
        errors jsonb NOT NULL DEFAULT '[]',
        PRIMARY KEY (import_id, row_number)
      )`);
    await db.query(
      `CREATE INDEX partner_import_row_outcome_idx ON partner_import_row (import_id, outcome, row_number)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE partner_import_row`);
    await db.query(`DROP TABLE partner_import`);
  }
}
