import type { Actor, AuditChange, AuditEntry, AuditPage, ParsedAuditQuery } from '@pardev/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { newId } from '../ids';
import { AuditEntryEntity } from './audit-entry.entity';

export interface AuditRecord {
  /** `<entity>.<past-tense verb>`, e.g. `partner.updated`. */
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string | null;
  readonly changes?: readonly AuditChange[];
  readonly note?: string | null;
}

/** Who caused the change, and the request it belongs to (usually the message envelope). */
export interface AuditCause {
  readonly actor?: Actor | undefined;
  readonly correlationId?: string | undefined;
}

export const toAuditEntry = (entity: AuditEntryEntity): AuditEntry => ({
  id: entity.id,
  occurredAt: entity.occurredAt.toISOString(),
  source: entity.source,
  actorId: entity.actorId,
  actorRoles: entity.actorRoles,
  action: entity.action,
  entityType: entity.entityType,
  entityId: entity.entityId,
  changes: entity.changes,
  note: entity.note,
  correlationId: entity.correlationId,
});

const DAY_MS = 86_400_000;

/**
 * This service's part of the audit trail. `record` takes the caller's EntityManager so the entry
 * commits or rolls back with the change it describes; there is no way to update or delete one.
 */
export class AuditTrail {
  constructor(
    private readonly dataSource: DataSource,
    /** Where entries are recorded: the context name (partners, agreements, results) or identity. */
    readonly source: string,
  ) {}

  async record(manager: EntityManager, record: AuditRecord, cause: AuditCause): Promise<void> {
    const entry: AuditEntryEntity = {
      id: newId(),
      occurredAt: new Date(),
      source: this.source,
      actorId: cause.actor?.userId ?? null,
      actorRoles: cause.actor?.roles ?? [],
      action: record.action,
      entityType: record.entityType,
      entityId: record.entityId,
      changes: [...(record.changes ?? [])],
      note: record.note ?? null,
      correlationId: cause.correlationId ?? null,
    };
    // insert(), not save(): one statement, no "does it exist?" select first.
    await manager
      .createQueryBuilder()
      .insert()
      .into(AuditEntryEntity)
      .values(entry as never)
      .execute();
  }

  /** Newest first; `cursor` is the id of the last entry already seen. */
  async search(query: ParsedAuditQuery): Promise<AuditPage> {
    const qb = this.dataSource.getRepository(AuditEntryEntity).createQueryBuilder('a');
    if (query.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: query.actorId });
    if (query.entityType) qb.andWhere('a.entity_type = :entityType', { entityType: query.entityType });
    if (query.entityId) qb.andWhere('a.entity_id = :entityId', { entityId: query.entityId });
    if (query.action) qb.andWhere('a.action = :action', { action: query.action });
    if (query.from) qb.andWhere('a.occurred_at >= :from', { from: new Date(`${query.from}T00:00:00Z`) });
    if (query.to) {
      qb.andWhere('a.occurred_at < :to', { to: new Date(Date.parse(`${query.to}T00:00:00Z`) + DAY_MS) });
    }
    if (query.cursor) qb.andWhere('a.id < :cursor', { cursor: query.cursor });
    const rows = await qb
      .orderBy('a.id', 'DESC')
      .take(query.limit + 1)
      .getMany();
    const items = rows.slice(0, query.limit).map(toAuditEntry);
    return { items, nextCursor: rows.length > query.limit ? (items.at(-1)?.id ?? null) : null };
  }
}
