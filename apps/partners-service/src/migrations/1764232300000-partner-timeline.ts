import type { MigrationInterface, QueryRunner } from 'typeorm';

// What happened with each partner's agreements, from agreements-service's events (one row per
// partner of the agreement), newest first.
export class PartnerTimeline1764232300000 implements MigrationInterface {
  name = 'PartnerTimeline1764232300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE partner_timeline (
        id uuid PRIMARY KEY,
        partner_id uuid NOT NULL,
        occurred_at timestamptz NOT NULL,
        kind text NOT NULL,
        agreement_id uuid NOT NULL,
        reference text NOT NULL,
        title text NOT NULL,
        detail jsonb NOT NULL DEFAULT '{}'
      )`);
    await db.query(`CREATE INDEX partner_timeline_partner_idx ON partner_timeline (partner_id, id DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE partner_timeline`);
  }
}
