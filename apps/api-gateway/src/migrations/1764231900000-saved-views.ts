import type { MigrationInterface, QueryRunner } from 'typeorm';

// A person's saved list views (filters and sort as a URL query), private to them.
export class SavedViews1764231900000 implements MigrationInterface {
  name = 'SavedViews1764231900000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE saved_view (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES "user" (id) ON DELETE CASCADE,
        list text NOT NULL,
        name text NOT NULL,
        query text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX saved_view_name_uq ON saved_view (user_id, list, lower(name))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE saved_view`);
  }
}
