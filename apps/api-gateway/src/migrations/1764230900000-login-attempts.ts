import type { MigrationInterface, QueryRunner } from 'typeorm';

// Failed sign-ins, counted per account and per address to slow down password guessing.
export class LoginAttempts1764230900000 implements MigrationInterface {
  name = 'LoginAttempts1764230900000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE login_attempt (
        id uuid PRIMARY KEY,
        email text NOT NULL,
        ip text NOT NULL,
        succeeded boolean NOT NULL,
        attempted_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX login_attempt_email_idx ON login_attempt (email, attempted_at)`);
    await db.query(`CREATE INDEX login_attempt_ip_idx ON login_attempt (ip, attempted_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE login_attempt`);
  }
}
