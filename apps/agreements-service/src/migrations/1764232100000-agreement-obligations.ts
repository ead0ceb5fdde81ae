import type { MigrationInterface, QueryRunner } from 'typeorm';

// The reporting obligations of an agreement, kept with it as one list (versioned with the agreement).
export class AgreementObligations1764232100000 implements MigrationInterface {
  name = 'AgreementObligations1764232100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE agreement ADD COLUMN obligations jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE agreement DROP COLUMN obligations`);
  }
}
