import { Injectable } from '@nestjs/common';
import { containing } from '@pardev/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { PartnerEntity } from './partner.entity';

export interface PartnerSearch {
  readonly q?: string | undefined;
  readonly assignedTo?: string | undefined;
  readonly page: number;
  readonly pageSize: number;
}

@Injectable()
export class PartnersRepository {
  constructor(private readonly dataSource: DataSource) {}

  findById(id: string): Promise<PartnerEntity | null> {
    return this.dataSource.getRepository(PartnerEntity).findOneBy({ id });
  }

  /** The partner, locked until the transaction ends (so two edits of it queue instead of racing). */
  lockById(manager: EntityManager, id: string): Promise<PartnerEntity | null> {
    return manager
      .getRepository(PartnerEntity)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async search({
    q,
    assignedTo,
    page,
    pageSize,
  }: PartnerSearch): Promise<{ items: PartnerEntity[]; total: number }> {
    const query = this.dataSource.getRepository(PartnerEntity).createQueryBuilder('p');
    if (q) {
      query.andWhere('(p.name ILIKE :pattern OR p.acronym ILIKE :pattern)', { pattern: containing(q) });
    }
    if (assignedTo) {
      query.andWhere('(p.responsible_officer_id = :officer OR :officer = ANY(p.delegate_ids))', {
        officer: assignedTo,
      });
    }
    const [items, total] = await query
      .orderBy('lower(p.name)', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .offset((page - 1) * pageSize)
      .limit(pageSize)
      .getManyAndCount();
    return { items, total };
  }

  /** Is the name (in that country) used by a partner other than `exceptId`? */
  async nameTaken(
    manager: EntityManager,
    name: string,
    country: string | null,
    exceptId: string | null = null,
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM partner
       WHERE lower(name) = lower($1) AND coalesce(country, '') = coalesce($2, '')
         AND ($3::uuid IS NULL OR id <> $3::uuid)
       LIMIT 1`,
      [name, country, exceptId],
    );
    return rows.length > 0;
  }

  insert(manager: EntityManager, partner: PartnerEntity): Promise<PartnerEntity> {
    return manager.save(PartnerEntity, partner);
  }

  save(manager: EntityManager, partner: PartnerEntity): Promise<PartnerEntity> {
    return manager.save(PartnerEntity, partner);
  }

  count(): Promise<number> {
    return this.dataSource.getRepository(PartnerEntity).count();
  }
}
