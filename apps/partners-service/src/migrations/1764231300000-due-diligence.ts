import type { MigrationInterface, QueryRunner } from 'typeorm';

// Partner status, due-diligence checks and flags; "blocked" is derived from them and stored with
// its reasons, so other services learn it from an event and lists can filter on it.
export class DueDiligence1764231300000 implements MigrationInterface {
  name = 'DueDiligence1764231300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE partner
        ADD COLUMN status text NOT NULL DEFAULT 'ACTIVE'
          CONSTRAINT partner_status_known CHECK (status IN ('PROSPECT', 'ACTIVE', 'INACTIVE')),
        ADD COLUMN blocked boolean NOT NULL DEFAULT false,
        ADD COLUMN blocking_reasons jsonb NOT NULL DEFAULT '[]'`);
    await db.query(`CREATE INDEX partner_blocked_idx ON partner (id) WHERE blocked`);
    await db.query(`
      CREATE TABLE due_diligence_check (
        id uuid PRIMARY KEY,
        partner_id uuid NOT NULL REFERENCES partner (id),
        type text NOT NULL
          CHECK (type IN ('SANCTIONS', 'SEAH_PSEA', 'FINANCIAL', 'REPUTATIONAL', 'PRIVATE_SECTOR')),
        result text NOT NULL CHECK (result IN ('CLEAR', 'MATCH', 'FLAGGED')),
        checked_on date NOT NULL,
        expires_on date CHECK (expires_on > checked_on),
        evidence text NOT NULL,
        notes text,
        reviewer_id text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE INDEX due_diligence_check_partner_idx ON due_diligence_check (partner_id, type, checked_on DESC, recorded_at DESC)`,
    );
    await db.query(`CREATE INDEX due_diligence_check_expiry_idx ON due_diligence_check (expires_on)`);
    await db.query(`
      CREATE TABLE partner_flag (
        id uuid PRIMARY KEY,
        partner_id uuid NOT NULL REFERENCES partner (id),
        level text NOT NULL CHECK (level IN ('OBSERVATION', 'YELLOW', 'ESCALATED', 'RED')),
        category text NOT NULL CHECK (category IN ('REPUTATIONAL', 'FINANCIAL', 'OPERATIONAL', 'COMPLIANCE',
          'SEXUAL_EXPLOITATION_AND_ABUSE', 'SAFEGUARDING', 'SANCTIONS_MATCH', 'OTHER')),
        comment text NOT NULL,
        raised_at timestamptz NOT NULL,
        raised_by text NOT NULL,
        resolved_at timestamptz,
        resolved_by text,
        resolution text,
        CONSTRAINT partner_flag_resolution_complete CHECK ((resolved_at IS NULL) = (resolution IS NULL))
      )`);
    await db.query(`CREATE INDEX partner_flag_partner_idx ON partner_flag (partner_id, raised_at DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE partner_flag`);
    await db.query(`DROP TABLE due_diligence_check`);
    await db.query(`DROP INDEX partner_blocked_idx`);
    await db.query(
      `ALTER TABLE partner DROP COLUMN blocking_reasons, DROP COLUMN blocked, DROP COLUMN status`,
    );
  }
}
