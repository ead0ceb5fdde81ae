import type { MigrationInterface, QueryRunner } from 'typeorm';

// Amendments to signed agreements, and the versions of the terms they make (0: as signed).
export class Amendments1764232400000 implements MigrationInterface {
  name = 'Amendments1764232400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE agreement_amendment (
        id uuid PRIMARY KEY,
        agreement_id uuid NOT NULL REFERENCES agreement (id) ON DELETE CASCADE,
        sequence integer NOT NULL,
        type text NOT NULL,
        reason text NOT NULL,
        changes jsonb NOT NULL,
        status text NOT NULL DEFAULT 'PROPOSED' CHECK (status IN ('PROPOSED', 'APPROVED', 'REJECTED')),
        signed_on date,
        decision_reason text,
        makes_version integer,
        proposed_by text NOT NULL,
        proposed_at timestamptz NOT NULL DEFAULT now(),
        decided_at timestamptz,
        CONSTRAINT agreement_amendment_sequence_uq UNIQUE (agreement_id, sequence)
      )`);
    await db.query(`
      CREATE TABLE agreement_version (
        agreement_id uuid NOT NULL REFERENCES agreement (id) ON DELETE CASCADE,
        number integer NOT NULL,
        amendment_id uuid REFERENCES agreement_amendment (id),
        terms jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (agreement_id, number)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE agreement_version`);
    await db.query(`DROP TABLE agreement_amendment`);
  }
}
