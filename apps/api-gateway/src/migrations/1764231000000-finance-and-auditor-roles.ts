import type { MigrationInterface, QueryRunner } from 'typeorm';

export class FinanceAndAuditorRoles1764231000000 implements MigrationInterface {
  name = 'FinanceAndAuditorRoles1764231000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "user" DROP CONSTRAINT user_roles_known`);
    await db.query(`
      ALTER TABLE "user" ADD CONSTRAINT user_roles_known
      CHECK (roles <@ ARRAY['admin', 'officer', 'finance', 'viewer', 'auditor']::text[])`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "user" DROP CONSTRAINT user_roles_known`);
    await db.query(`
      ALTER TABLE "user" ADD CONSTRAINT user_roles_known
      CHECK (roles <@ ARRAY['admin', 'officer', 'viewer']::text[])`);
  }
}
