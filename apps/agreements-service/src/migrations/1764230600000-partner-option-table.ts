import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PartnerOptionTable1764230600000 implements MigrationInterface {
  name = 'PartnerOptionTable1764230600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE partner_option (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        acronym text,
        category text NOT NULL,
        country char(2),
        source_version int NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX partner_option_name_idx ON partner_option (lower(name), id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE partner_option`);
  }
}
