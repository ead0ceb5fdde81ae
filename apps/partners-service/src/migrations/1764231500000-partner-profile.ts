import type { MigrationInterface, QueryRunner } from 'typeorm';

// The rest of the partner profile (DOMAIN.md): legal name, IATI organisation identifier,
// public/private, region (derived from the country), parent partner, tags and notes.
export class PartnerProfile1764231500000 implements MigrationInterface {
  name = 'PartnerProfile1764231500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE partner
        ADD COLUMN legal_name text,
        ADD COLUMN iati_identifier text,
        ADD COLUMN ownership text NOT NULL DEFAULT 'PUBLIC' CHECK (ownership IN ('PUBLIC', 'PRIVATE')),
        ADD COLUMN region text,
        ADD COLUMN parent_partner_id uuid REFERENCES partner (id),
        ADD COLUMN tags text[] NOT NULL DEFAULT '{}',
        ADD COLUMN notes text`);
    await db.query(`
      UPDATE partner SET ownership = 'PRIVATE'
      WHERE category IN ('PRIVATE_SECTOR', 'FOUNDATION', 'NON_STATE_ACTOR')`);
    // One partner per IATI organisation: the strongest sign of a duplicate.
    await db.query(
      `CREATE UNIQUE INDEX partner_iati_identifier_uq ON partner (upper(iati_identifier)) WHERE iati_identifier IS NOT NULL`,
    );
    await db.query(`CREATE INDEX partner_legal_name_trgm_idx ON partner USING gin (legal_name gin_trgm_ops)`);
    await db.query(`CREATE INDEX partner_tags_idx ON partner USING gin (tags)`);
    await db.query(`CREATE INDEX partner_filters_idx ON partner (category, region, status)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX partner_filters_idx`);
    await db.query(`DROP INDEX partner_tags_idx`);
    await db.query(`DROP INDEX partner_legal_name_trgm_idx`);
    await db.query(`DROP INDEX partner_iati_identifier_uq`);
    await db.query(`
      ALTER TABLE partner DROP COLUMN notes, DROP COLUMN tags, DROP COLUMN parent_partner_id,
        DROP COLUMN region, DROP COLUMN ownership, DROP COLUMN iati_identifier, DROP COLUMN legal_name`);
  }
}
