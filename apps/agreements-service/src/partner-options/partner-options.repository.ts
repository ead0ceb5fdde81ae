import { Injectable } from '@nestjs/common';
import { containing } from '@pardev/persistence';
import type { PartnerRegisteredV1, PartnerStatusChangedV1 } from '@pardev/contracts';

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

  /**
   * Records whether the partner is blocked, unless a newer status is already recorded. The status
   * has its own version column: a profile update (a newer partner version) must not hide it.
   */
  async setBlocked(
    manager: EntityManager,
    event: Pick<PartnerStatusChangedV1, 'partnerId' | 'blockedForNewAgreements' | 'version'>,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO partner_option (id, name, category, source_version, blocked, status_version, updated_at)
       VALUES ($1, '', 'OTHER', 0, $2, $3, now())
       ON CONFLICT (id) DO UPDATE SET blocked = excluded.blocked, status_version = excluded.status_version,
         updated_at = now()
       WHERE partner_option.status_version < excluded.status_version`,
      [event.partnerId, event.blockedForNewAgreements, event.version],
    );
  }

  async search(
    q: string | undefined,
    page: number,
    pageSize: number,
  ): Promise<{ items: PartnerOptionEntity[]; total: number }> {
    // A status that arrived before its partner (source_version 0) is not an option yet.
    const query = this.dataSource
      .getRepository(PartnerOptionEntity)
      .createQueryBuilder('o')
      .where('o.source_version > 0');
    if (q) query.andWhere('(o.name ILIKE :pattern OR o.acronym ILIKE :pattern)', { pattern: containing(q) });
    const [items, total] = await query
      .orderBy('lower(o.name)', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .offset((page - 1) * pageSize)
      .limit(pageSize)
      .getManyAndCount();
    return { items, total };
  }
}
