import type { MigrationInterface, QueryRunner } from 'typeorm';

// "user" is a reserved word in PostgreSQL: it is always quoted here (TypeORM quotes it too).
export class IdentityTables1764230800000 implements MigrationInterface {
  name = 'IdentityTables1764230800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE "user" (
        id uuid PRIMARY KEY,
        email text NOT NULL,
        display_name text NOT NULL,
        password_hash text NOT NULL,
        roles text[] NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL,
        -- A role the code does not know would grant nothing, silently; refuse it instead.
        CONSTRAINT user_roles_known CHECK (roles <@ ARRAY['admin', 'officer', 'viewer']::text[])
      )`);
    await db.query(`CREATE UNIQUE INDEX user_email_uq ON "user" (lower(email))`);
    await db.query(`
      CREATE TABLE session (
        id text PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES "user" (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX session_user_id_idx ON session (user_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE session`);
    await db.query(`DROP TABLE "user"`);
  }
}
