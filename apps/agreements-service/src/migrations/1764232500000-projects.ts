import type { MigrationInterface, QueryRunner } from 'typeorm';

// Projects (IATI activities) and the agreements that fund them; budgets by year and expenditure by
// month (with the USD equivalent and its rate) are kept with the project as documents.
export class Projects1764232500000 implements MigrationInterface {
  name = 'Projects1764232500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE project (
        id uuid PRIMARY KEY,
        code text NOT NULL,
        iati_identifier text NOT NULL,
        published_at timestamptz,
        title text NOT NULL,
        description text,
        status text NOT NULL,
        agreement_ids uuid[] NOT NULL,
        planned_start date,
        planned_end date,
        actual_start date,
        actual_end date,
        currency char(3) NOT NULL,
        budgets jsonb NOT NULL DEFAULT '[]',
        expenditures jsonb NOT NULL DEFAULT '[]',
        essf jsonb,
        seah_focal_point jsonb,
        version integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by text NOT NULL,
        updated_by text NOT NULL,
        CONSTRAINT project_code_uq UNIQUE (code),
        CONSTRAINT project_iati_identifier_uq UNIQUE (iati_identifier)
      )`);
    await db.query(`CREATE INDEX project_agreements_idx ON project USING gin (agreement_ids)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE project`);
  }
}
