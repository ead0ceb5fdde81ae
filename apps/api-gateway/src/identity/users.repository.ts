import { Injectable } from '@nestjs/common';
import { containing } from '@pardev/persistence';
import { DataSource, In, type EntityManager } from 'typeorm';
import { UserEntity } from './user.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class UsersRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get users() {
    return this.dataSource.getRepository(UserEntity);
  }

  count(): Promise<number> {
    return this.users.count();
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email }).getOne();
  }

  insert(manager: EntityManager, user: UserEntity): Promise<UserEntity> {
    return manager.getRepository(UserEntity).save(user);
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id });
  }

  /** The account, locked until the transaction ends (two admins editing it queue, not race). */
  lockById(manager: EntityManager, id: string): Promise<UserEntity | null> {
    return manager.getRepository(UserEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  save(manager: EntityManager, user: UserEntity): Promise<UserEntity> {
    return manager.getRepository(UserEntity).save(user);
  }

  /** Display names by id, for showing who did what (ids that are not accounts are left out). */
  async namesOf(ids: readonly string[]): Promise<Map<string, string>> {
    const uuids = ids.filter((id) => UUID.test(id));
    if (uuids.length === 0) return new Map();
    const rows = await this.users.find({ select: { id: true, displayName: true }, where: { id: In(uuids) } });
    return new Map(rows.map((row) => [row.id, row.displayName]));
  }

  /** Active accounts, by name; with `role`, only those holding it. */
  active(role?: string): Promise<UserEntity[]> {
    const query = this.users.createQueryBuilder('u').where('u.active');
    if (role) query.andWhere(':role = ANY(u.roles)', { role });
    return query.orderBy('u.display_name', 'ASC').addOrderBy('u.id', 'ASC').getMany();
  }

  async search(
    q: string | undefined,
    page: number,
    pageSize: number,
  ): Promise<{ items: UserEntity[]; total: number }> {
    const query = this.users.createQueryBuilder('u');
    if (q)
      query.where('(u.email ILIKE :pattern OR u.display_name ILIKE :pattern)', { pattern: containing(q) });
    const [items, total] = await query
      .orderBy('u.display_name', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .offset((page - 1) * pageSize)
      .limit(pageSize)
      .getManyAndCount();
    return { items, total };
  }
}
