import { Injectable } from '@nestjs/common';
import { containing } from '@pardev/persistence';
import type { PartnerRegisteredV1 } from '@pardev/contracts';

// What the copy keeps; registered.v1 and updated.v1 both carry it.
type PartnerSummary = Pick<
  PartnerRegisteredV1,
  'partnerId' | 'name' | 'acronym' | 'category' | 'country' | 'version'
>;
import { DataSource, type EntityManager } from 'typeorm';
import { PartnerOptionEntity } from './partner-option.entity';

@Injectable()
export class PartnerOptionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts or refreshes the copy, unless it already holds a newer version. */
  async upsert(manager: EntityManager, partner: PartnerSummary): Promise<void> {
    await manager.query(
      `INSERT INTO partner_option (id, name, acronym, category, country, source_version, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, now())
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, acronym = excluded.acronym,
         category = excluded.category, country = excluded.country,
         source_version = excluded.source_version, updated_at = now()
       WHERE partner_option.source_version < excluded.source_version`,
      [partner.partnerId, partner.name, partner.acronym, partner.category, partner.country, partner.version],
    );
  }

  async search(
    q: string | undefined,
    page: number,
    pageSize: number,
  ): Promise<{ items: PartnerOptionEntity[]; total: number }> {
    const query = this.dataSource.getRepository(PartnerOptionEntity).createQueryBuilder('o');
    if (q) query.where('(o.name ILIKE :pattern OR o.acronym ILIKE :pattern)', { pattern: containing(q) });
    const [items, total] = await query
      .orderBy('lower(o.name)', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .offset((page - 1) * pageSize)
      .limit(pageSize)
      .getManyAndCount();
    return { items, total };
  }
}
