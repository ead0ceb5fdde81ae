import { Injectable } from '@nestjs/common';
import type { ParsedRequestOf } from '@pardev/contracts';
import { containing } from '@pardev/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { PartnerEntity } from './partner.entity';

export type PartnerSearch = ParsedRequestOf<'partners.partner.list'>;

// Sort keys of the list → columns (name by its lower-case form, ties broken by id for stable pages).
const SORTS: Record<PartnerSearch['sort'], [string, 'ASC' | 'DESC']> = {
  name: ['lower(p.name)', 'ASC'],
  '-name': ['lower(p.name)', 'DESC'],
  updatedAt: ['p.updated_at', 'ASC'],
  '-updatedAt': ['p.updated_at', 'DESC'],
  country: ['p.country', 'ASC'],
  category: ['p.category', 'ASC'],
};

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

  /** One page of partners matching every filter given, in the order asked. */
  async search(filters: PartnerSearch): Promise<{ items: PartnerEntity[]; total: number }> {
    const { q, assignedTo, category, organisationType, country, region, status, flagLevel, tag } = filters;
    const query = this.dataSource.getRepository(PartnerEntity).createQueryBuilder('p');
    if (q) {
      query.andWhere('p.search_text LIKE :pattern', { pattern: containing(q.toLowerCase()) });
    }
    if (assignedTo) {
      query.andWhere('(p.responsible_officer_id = :officer OR :officer = ANY(p.delegate_ids))', {
        officer: assignedTo,
      });
    }
    if (category) query.andWhere('p.category = :category', { category });
    if (organisationType) query.andWhere('p.organisation_type = :organisationType', { organisationType });
    if (country) query.andWhere('p.country = :country', { country });
    if (region) query.andWhere('p.region = :region', { region });
    if (status === 'BLOCKED') query.andWhere('p.blocked');
    else if (status) query.andWhere('p.status = :status AND NOT p.blocked', { status });
    if (tag) query.andWhere(':tag = ANY(p.tags)', { tag });
    if (flagLevel) {
      query.andWhere(
        'EXISTS (SELECT 1 FROM partner_flag f WHERE f.partner_id = p.id AND f.resolved_at IS NULL AND f.level = :flagLevel)',
        { flagLevel },
      );
    }
    const [column, direction] = SORTS[filters.sort];
    const [items, total] = await query
      .orderBy(column, direction, 'NULLS LAST')
      .addOrderBy('p.id', 'ASC')
      .offset((filters.page - 1) * filters.pageSize)
      .limit(filters.pageSize)
      .getManyAndCount();
    return { items, total };
  }

  /** Partners with the same IATI identifier, or a name alike (pg_trgm similarity ≥ 0.45). */
  async duplicatesOf(
    name: string,
    iatiIdentifier: string | undefined,
    exceptId: string | undefined,
  ): Promise<(PartnerEntity & { similarity: number; sameIdentifier: boolean })[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT id, name, acronym, country, iati_identifier,
              (iati_identifier IS NOT NULL AND upper(iati_identifier) = upper($2)) AS same_identifier,
              greatest(similarity(name, $1), similarity(coalesce(legal_name, ''), $1)) AS similarity
       FROM partner
       WHERE ($3::uuid IS NULL OR id <> $3::uuid)
         AND ((iati_identifier IS NOT NULL AND upper(iati_identifier) = upper($2))
              OR name % $1 OR legal_name % $1)
       ORDER BY same_identifier DESC, similarity DESC, name
       LIMIT 10`,
      [name, iatiIdentifier ?? null, exceptId ?? null],
    );
    return rows
      .map((row) => ({
        ...this.dataSource.getRepository(PartnerEntity).create({
          id: row.id as string,
          name: row.name as string,
          acronym: row.acronym as string | null,
          country: row.country as string | null,
          iatiIdentifier: row.iati_identifier as string | null,
        }),
        similarity: Number(row.similarity),
        sameIdentifier: row.same_identifier === true,
      }))
      .filter((row) => row.sameIdentifier || row.similarity >= 0.45);
  }

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

  /** Recomputes what the free-text search finds the partner by (after its profile or contacts changed). */
  async refreshSearchText(manager: EntityManager, partnerId: string): Promise<void> {
    await manager.query(
      `UPDATE partner p SET search_text = lower(concat_ws(' ', p.name, p.acronym, p.legal_name, p.iati_identifier,
         (SELECT string_agg(concat_ws(' ', c.name, c.email), ' ') FROM partner_contact c WHERE c.partner_id = p.id)))
       WHERE p.id = $1`,
      [partnerId],
    );
  }

  count(): Promise<number> {
    return this.dataSource.getRepository(PartnerEntity).count();
  }
}
