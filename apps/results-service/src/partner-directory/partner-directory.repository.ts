import { Injectable } from '@nestjs/common';
import { containing } from '@pardev/persistence';
import type { PartnerRegisteredV1 } from '@pardev/contracts';

// What the copy keeps; registered.v1 and updated.v1 both carry it.
type PartnerSummary = Pick<
  PartnerRegisteredV1,
  'partnerId' | 'name' | 'acronym' | 'category' | 'country' | 'version'
>;
import { DataSource, type EntityManager } from 'typeorm';
import { DirectoryPartnerEntity } from './directory-partner.entity';

@Injectable()
export class PartnerDirectoryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts or refreshes the entry, unless it already holds a newer version. */
  async upsert(manager: EntityManager, partner: PartnerSummary): Promise<void> {
    await manager.query(
      `INSERT INTO directory_partner (id, name, acronym, category, country, source_version, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, now())
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, acronym = excluded.acronym,
         category = excluded.category, country = excluded.country,
         source_version = excluded.source_version, updated_at = now()
       WHERE directory_partner.source_version < excluded.source_version`,
      [partner.partnerId, partner.name, partner.acronym, partner.category, partner.country, partner.version],
    );
  }

  async search(
    q: string | undefined,
    page: number,
    pageSize: number,
  ): Promise<{ items: DirectoryPartnerEntity[]; total: number }> {
    const query = this.dataSource.getRepository(DirectoryPartnerEntity).createQueryBuilder('d');
    if (q) query.where('(d.name ILIKE :pattern OR d.acronym ILIKE :pattern)', { pattern: containing(q) });
    const [items, total] = await query
      .orderBy('lower(d.name)', 'ASC')
      .addOrderBy('d.id', 'ASC')
      .offset((page - 1) * pageSize)
      .limit(pageSize)
      .getManyAndCount();
    return { items, total };
  }
}
