import type { MigrationInterface, QueryRunner } from 'typeorm';

// results-service's copy of each agreement's reporting obligations (from agreements events) and the
// reporting calendar worked out from it: one row per report due.
export class ReportingCalendar1764232200000 implements MigrationInterface {
  name = 'ReportingCalendar1764232200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE reporting_agreement (
        agreement_id uuid PRIMARY KEY,
        reference text NOT NULL,
        title text NOT NULL,
        partner_ids uuid[] NOT NULL,
        status text NOT NULL,
        start_on date,
        end_on date,
        terminated_on date,
        obligations jsonb NOT NULL DEFAULT '[]',
        source_version integer NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE INDEX reporting_agreement_partners_idx ON reporting_agreement USING gin (partner_ids)`,
    );
    await db.query(`
      CREATE TABLE report_due (
        id uuid PRIMARY KEY,
        agreement_id uuid NOT NULL REFERENCES reporting_agreement (agreement_id) ON DELETE CASCADE,
        obligation_id uuid NOT NULL,
        type text NOT NULL,
        period_start date,
        period_end date,
        due_on date NOT NULL,
        cancelled boolean NOT NULL DEFAULT false,
        CONSTRAINT report_due_uq UNIQUE (agreement_id, obligation_id, due_on)
      )`);
    await db.query(`CREATE INDEX report_due_on_idx ON report_due (due_on, id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE report_due`);
    await db.query(`DROP TABLE reporting_agreement`);
  }
}
