import { Injectable } from '@nestjs/common';
import { containing } from '@pardev/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { PartnerEntity } from './partner.entity';

export interface PartnerSearch {
  readonly q?: string | undefined;
  readonly page: number;
  readonly pageSize: number;
}

@Injectable()
export class PartnersRepository {
  constructor(private readonly dataSource: DataSource) {}

  findById(id: string): Promise<PartnerEntity | null> {
    return this.dataSource.getRepository(PartnerEntity).findOneBy({ id });
  }

  async search({ q, page, pageSize }: PartnerSearch): Promise<{ items: PartnerEntity[]; total: number }> {
    const query = this.dataSource.getRepository(PartnerEntity).createQueryBuilder('p');
    if (q) {
      query.where('(p.name ILIKE :pattern OR p.acronym ILIKE :pattern)', { pattern: containing(q) });
    }
    const [items, total] = await query
      .orderBy('lower(p.name)', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .offset((page - 1) * pageSize)
      .limit(pageSize)
      .getManyAndCount();
    return { items, total };
  }

  async nameTaken(manager: EntityManager, name: string, country: string | null): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM partner WHERE lower(name) = lower($1) AND coalesce(country, '') = coalesce($2, '') LIMIT 1`,
      [name, country],
    );
    return rows.length > 0;
  }

  insert(manager: EntityManager, partner: PartnerEntity): Promise<PartnerEntity> {
    return manager.save(PartnerEntity, partner);
  }

  count(): Promise<number> {
    return this.dataSource.getRepository(PartnerEntity).count();
  }
}
