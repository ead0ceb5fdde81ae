import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PartnerTable1764230500000 implements MigrationInterface {
  name = 'PartnerTable1764230500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await db.query(`
      CREATE TABLE partner (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        acronym text,
        organisation_type text NOT NULL,
        category text NOT NULL,
        country char(2),
        version int NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by text NOT NULL,
        updated_by text NOT NULL
      )`);
    // Two records for one organisation is the commonest registry error: same name in the same country.
    await db.query(
      `CREATE UNIQUE INDEX partner_name_country_uq ON partner (lower(name), coalesce(country, ''))`,
    );
    // Substring search on name and acronym (ILIKE '%…%') uses these trigram indexes.
    await db.query(`CREATE INDEX partner_name_trgm_idx ON partner USING gin (name gin_trgm_ops)`);
    await db.query(`CREATE INDEX partner_acronym_trgm_idx ON partner USING gin (acronym gin_trgm_ops)`);
    await db.query(`CREATE INDEX partner_name_idx ON partner (lower(name), id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE partner`);
  }
}
