import { Injectable } from '@nestjs/common';
import { DataSource, LessThan, LessThanOrEqual, type EntityManager } from 'typeorm';
import { SessionEntity } from './session.entity';

@Injectable()
export class SessionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get sessions() {
    return this.dataSource.getRepository(SessionEntity);
  }

  // Writes take the caller's transaction, so they commit with the audit entry that records them.
  private within(manager: EntityManager) {
    return manager.getRepository(SessionEntity);
  }

  async insert(manager: EntityManager, session: SessionEntity): Promise<void> {
    await this.within(manager).insert(session);
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

  async delete(id: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await this.within(manager).delete({ id });
  }

  async deleteAllOf(manager: EntityManager, userId: string): Promise<void> {
    await this.within(manager).delete({ userId });
  }

  async deleteExpiredOf(manager: EntityManager, userId: string, now: Date): Promise<void> {
    await this.within(manager).delete({ userId, expiresAt: LessThanOrEqual(now) });
  }
}
