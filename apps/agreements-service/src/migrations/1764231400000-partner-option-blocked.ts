import type { MigrationInterface, QueryRunner } from 'typeorm';

// Whether partners-service says the partner is blocked for new agreements (its own version:
// status-changed events and profile updates are ordered separately).
export class PartnerOptionBlocked1764231400000 implements MigrationInterface {
  name = 'PartnerOptionBlocked1764231400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE partner_option
        ADD COLUMN blocked boolean NOT NULL DEFAULT false,
        ADD COLUMN status_version int NOT NULL DEFAULT 0`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE partner_option DROP COLUMN status_version, DROP COLUMN blocked`);
  }
}
