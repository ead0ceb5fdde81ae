import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DirectoryPartnerTable1764230700000 implements MigrationInterface {
  name = 'DirectoryPartnerTable1764230700000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE directory_partner (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        acronym text,
        category text NOT NULL,
        country char(2),
        source_version int NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX directory_partner_category_idx ON directory_partner (category)`);
    await db.query(`CREATE INDEX directory_partner_name_idx ON directory_partner (lower(name), id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE directory_partner`);
  }
}
