import { Injectable } from '@nestjs/common';
import { newId } from '@pardev/persistence';
import { DataSource } from 'typeorm';

export interface RecentFailures {
  readonly byAccount: number;
  readonly byAddress: number;
}

@Injectable()
export class LoginAttemptsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async failuresSince(email: string, ip: string, since: Date): Promise<RecentFailures> {
    const [row] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE email = $1)::int AS by_account, count(*) FILTER (WHERE ip = $2)::int AS by_address
       FROM login_attempt WHERE NOT succeeded AND attempted_at > $3 AND (email = $1 OR ip = $2)`,
      [email, ip, since],
    );
    return { byAccount: row?.by_account ?? 0, byAddress: row?.by_address ?? 0 };
  }

  /** Records an attempt; rows older than a day have served their purpose and are dropped. */
  async record(email: string, ip: string, succeeded: boolean, forgetBefore: Date): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO login_attempt (id, email, ip, succeeded, attempted_at) VALUES ($1, $2, $3, $4, now())`,
        [newId(), email, ip, succeeded],
      );
      await manager.query(`DELETE FROM login_attempt WHERE email = $1 AND attempted_at < $2`, [
        email,
        forgetBefore,
      ]);
    });
  }
}
