import { Injectable } from '@nestjs/common';
import { DataSource, LessThan, LessThanOrEqual } from 'typeorm';
import { SessionEntity } from './session.entity';

@Injectable()
export class SessionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get sessions() {
    return this.dataSource.getRepository(SessionEntity);
  }

  async insert(session: SessionEntity): Promise<void> {
    await this.sessions.insert(session);
  }

  // On every authenticated request: one query (findOne with a relation would add a DISTINCT pre-query).
  findWithUser(id: string): Promise<SessionEntity | null> {
    return this.sessions
      .createQueryBuilder('s')
      .innerJoinAndSelect('s.user', 'u')
      .where('s.id = :id', { id })
      .getOne();
  }

  /** Moves last_seen_at forward unless another request (or replica) already did within the interval. */
  async touch(id: string, now: Date, notAfter: Date): Promise<void> {
    await this.sessions.update({ id, lastSeenAt: LessThan(notAfter) }, { lastSeenAt: now });
  }

  async delete(id: string): Promise<void> {
    await this.sessions.delete({ id });
  }

  async deleteAllOf(userId: string): Promise<void> {
    await this.sessions.delete({ userId });
  }

  async deleteExpiredOf(userId: string, now: Date): Promise<void> {
    await this.sessions.delete({ userId, expiresAt: LessThanOrEqual(now) });
  }
}
