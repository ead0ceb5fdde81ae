import { Injectable } from '@nestjs/common';
import { containing } from '@pardev/persistence';
import { DataSource } from 'typeorm';
import { UserEntity } from './user.entity';

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

  insert(user: UserEntity): Promise<UserEntity> {
    return this.users.save(user);
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id });
  }

  save(user: UserEntity): Promise<UserEntity> {
    return this.users.save(user);
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
