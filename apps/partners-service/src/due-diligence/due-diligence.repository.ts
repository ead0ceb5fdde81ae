import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DueDiligenceCheckEntity, PartnerFlagEntity } from './due-diligence.entities';

export interface ExpiringRow {
  readonly check: DueDiligenceCheckEntity;
  readonly partnerName: string;
}

@Injectable()
export class DueDiligenceRepository {
  constructor(private readonly dataSource: DataSource) {}

  checksOf(
    partnerId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<DueDiligenceCheckEntity[]> {
    return manager
      .getRepository(DueDiligenceCheckEntity)
      .find({ where: { partnerId }, order: { checkedOn: 'DESC', recordedAt: 'DESC' } });
  }

  flagsOf(partnerId: string, manager: EntityManager = this.dataSource.manager): Promise<PartnerFlagEntity[]> {
    return manager
      .getRepository(PartnerFlagEntity)
      .find({ where: { partnerId }, order: { raisedAt: 'DESC' } });
  }

  async insertCheck(manager: EntityManager, check: DueDiligenceCheckEntity): Promise<void> {
    await manager.getRepository(DueDiligenceCheckEntity).insert(check);
  }

  async saveFlag(manager: EntityManager, flag: PartnerFlagEntity): Promise<void> {
    await manager.getRepository(PartnerFlagEntity).save(flag);
  }

  /** The latest check of each type and partner that expires on or before `until` (expired ones too). */
  async expiringBy(until: string): Promise<ExpiringRow[]> {
    const rows: (Record<string, unknown> & { partner_name: string })[] = await this.dataSource.query(
      `SELECT latest.*, p.name AS partner_name
       FROM (
         SELECT DISTINCT ON (partner_id, type) *
         FROM due_diligence_check
         ORDER BY partner_id, type, checked_on DESC, recorded_at DESC
       ) latest
       JOIN partner p ON p.id = latest.partner_id
       WHERE latest.expires_on IS NOT NULL AND latest.expires_on <= $1
       ORDER BY latest.expires_on, p.name`,
      [until],
    );
    return rows.map((row) => ({
      partnerName: row.partner_name,
      check: this.dataSource.getRepository(DueDiligenceCheckEntity).create({
        id: row.id as string,
        partnerId: row.partner_id as string,
        type: row.type as DueDiligenceCheckEntity['type'],
        result: row.result as DueDiligenceCheckEntity['result'],
        checkedOn: isoDate(row.checked_on),
        expiresOn: row.expires_on === null ? null : isoDate(row.expires_on),
        evidence: row.evidence as string,
        notes: row.notes as string | null,
        reviewerId: row.reviewer_id as string,
        recordedAt: new Date(row.recorded_at as string),
      }),
    }));
  }

  /** Private-sector partners with a check that expired on or before `today`, and blocked ones (to re-assess). */
  async partnersToReassess(manager: EntityManager, today: string): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT p.id FROM partner p
       WHERE p.blocked
          OR (p.category = 'PRIVATE_SECTOR'
              AND EXISTS (SELECT 1 FROM due_diligence_check c
                          WHERE c.partner_id = p.id AND c.expires_on < $1))`,
      [today],
    );
    return rows.map((row) => row.id);
  }
}

// Raw queries return a DATE as a Date on node-postgres and as a string on PGlite.
const isoDate = (value: unknown): string =>
  value instanceof Date
    ? `${value.getFullYear()}-${String(value.getMonth() + 1).padStart(2, '0')}-${String(value.getDate()).padStart(2, '0')}`
    : String(value).slice(0, 10);
