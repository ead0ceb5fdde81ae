import type { MigrationInterface, QueryRunner } from 'typeorm';

// People at the partner: the focal point (one per partner) and those who may sign.
export class PartnerContacts1764231600000 implements MigrationInterface {
  name = 'PartnerContacts1764231600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE partner_contact (
        id uuid PRIMARY KEY,
        partner_id uuid NOT NULL REFERENCES partner (id),
        name text NOT NULL,
        role text,
        email text,
        phone text,
        focal_point boolean NOT NULL DEFAULT false,
        authorised_signatory boolean NOT NULL DEFAULT false
      )`);
    await db.query(`CREATE INDEX partner_contact_partner_idx ON partner_contact (partner_id)`);
    await db.query(
      `CREATE UNIQUE INDEX partner_contact_focal_point_uq ON partner_contact (partner_id) WHERE focal_point`,
    );
    // The list's free-text search also finds a partner by a contact's name or e-mail.
    await db.query(
      `CREATE INDEX partner_contact_name_trgm_idx ON partner_contact USING gin (name gin_trgm_ops)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE partner_contact`);
  }
}
