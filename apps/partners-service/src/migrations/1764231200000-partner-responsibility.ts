import type { MigrationInterface, QueryRunner } from 'typeorm';

// The relationship manager of each partner and the colleagues they named (who may edit it too).
export class PartnerResponsibility1764231200000 implements MigrationInterface {
  name = 'PartnerResponsibility1764231200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE partner
        ADD COLUMN responsible_officer_id uuid,
        ADD COLUMN delegate_ids uuid[] NOT NULL DEFAULT '{}'`);
    // "My partners": responsible_officer_id = me OR me = ANY(delegate_ids).
    await db.query(`CREATE INDEX partner_responsible_officer_idx ON partner (responsible_officer_id)`);
    await db.query(`CREATE INDEX partner_delegates_idx ON partner USING gin (delegate_ids)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX partner_delegates_idx`);
    await db.query(`DROP INDEX partner_responsible_officer_idx`);
    await db.query(`ALTER TABLE partner DROP COLUMN delegate_ids, DROP COLUMN responsible_officer_id`);
  }
}
