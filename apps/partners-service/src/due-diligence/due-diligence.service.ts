import { Injectable } from '@nestjs/common';
import {
  blockingReasons,
  canChangePartner,
  canResolveFlagLevel,
  type Actor,
  type DueDiligence,
  type Envelope,
  type ExpiringChecks,
  type PartnerCategory,
} from '@pardev/contracts';
import { Outbox } from '@pardev/messaging';
import { AuditTrail, changesBetween, newId } from '@pardev/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { partnerNotFound } from '../partners/partner.errors';
import { PartnerEntity } from '../partners/partner.entity';
import { PartnersRepository } from '../partners/partners.repository';
import { DueDiligenceCheckEntity, PartnerFlagEntity } from './due-diligence.entities';
import {
  flagAlreadyResolved,
  flagNotFound,
  notAllowedToResolve,
  notAllowedToReview,
} from './due-diligence.errors';
import { auditedCheck, toCheck, toDueDiligence, toFlag } from './due-diligence.mapper';
import { DueDiligenceRepository } from './due-diligence.repository';

type ParsedOf<T> = T & { partnerId: string };
type RecordCheck = ParsedOf<
  Pick<DueDiligenceCheckEntity, 'type' | 'result' | 'checkedOn' | 'expiresOn' | 'evidence' | 'notes'>
>;
type RaiseFlag = ParsedOf<Pick<PartnerFlagEntity, 'level' | 'category' | 'comment'>>;
type ResolveFlag = ParsedOf<{ flagId: string; resolution: string }>;

/** Today as an ISO date (UTC): the day checks are judged against. */
export const todayIso = (now = new Date()): string => now.toISOString().slice(0, 10);

const effectiveStatus = (partner: PartnerEntity) => (partner.blocked ? 'BLOCKED' : partner.status);

/**
 * Due diligence of a partner: checks, flags, and what they add up to. Every change is made with
 * the partner locked, audited on the partner, and followed by a re-assessment of the blocking rule
 * whose outcome, when it changes, is announced (agreements-service enforces it).
 */
@Injectable()
export class DueDiligenceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly partners: PartnersRepository,
    private readonly repository: DueDiligenceRepository,
    private readonly outbox: Outbox,
    private readonly audit: AuditTrail,
  ) {}

  async get(partnerId: string, reader: Actor | undefined): Promise<DueDiligence> {
    const partner = await this.partners.findById(partnerId);
    if (!partner) throw partnerNotFound(partnerId);
    const [checks, flags] = await Promise.all([
      this.repository.checksOf(partnerId),
      this.repository.flagsOf(partnerId),
    ]);
    return toDueDiligence(partner, checks, flags, reader);
  }

  recordCheck({ partnerId, ...fields }: RecordCheck, cause: Envelope): Promise<DueDiligence> {
    return this.change(partnerId, cause, async (manager, actor) => {
      const check = Object.assign(new DueDiligenceCheckEntity(), {
        id: newId(),
        partnerId,
        ...fields,
        reviewerId: actor.userId,
        recordedAt: new Date(),
      });
      await this.repository.insertCheck(manager, check);
      await this.audit.record(
        manager,
        {
          action: 'check.recorded',
          entityType: 'partner',
          entityId: partnerId,
          changes: changesBetween(null, auditedCheck(check)),
        },
        cause,
      );
    });
  }

  raiseFlag({ partnerId, level, category, comment }: RaiseFlag, cause: Envelope): Promise<DueDiligence> {
    return this.change(partnerId, cause, async (manager, actor) => {
      const flag = Object.assign(new PartnerFlagEntity(), {
        id: newId(),
        partnerId,
        level,
        category,
        comment,
        raisedAt: new Date(),
        raisedBy: actor.userId,
        resolvedAt: null,
        resolvedBy: null,
        resolution: null,
      });
      await this.repository.saveFlag(manager, flag);
      await this.audit.record(
        manager,
        {
          action: 'flag.raised',
          entityType: 'partner',
          entityId: partnerId,
          changes: changesBetween(null, { flag: flag.id, level, category, comment }),
        },
        cause,
      );
      const { raisedAt } = toFlag(flag);
      await this.outbox.publish(
        manager,
        'partners.partner.flag-raised.v1',
        { partnerId, flagId: flag.id, level, category, raisedAt },
        cause,
      );
    });
  }

  resolveFlag({ partnerId, flagId, resolution }: ResolveFlag, cause: Envelope): Promise<DueDiligence> {
    return this.change(partnerId, cause, async (manager, actor) => {
      const flag = (await this.repository.flagsOf(partnerId, manager)).find((f) => f.id === flagId);
      if (!flag) throw flagNotFound(flagId, partnerId);
      if (flag.resolvedAt) throw flagAlreadyResolved(flagId);
      if (!canResolveFlagLevel(actor, flag.level)) throw notAllowedToResolve(flag.level);
      Object.assign(flag, { resolvedAt: new Date(), resolvedBy: actor.userId, resolution });
      await this.repository.saveFlag(manager, flag);
      await this.audit.record(
        manager,
        {
          action: 'flag.resolved',
          entityType: 'partner',
          entityId: partnerId,
          changes: [
            { field: 'flag', before: flag.id, after: flag.id },
            { field: 'resolution', after: resolution },
          ],
          note: `${flag.level} ${flag.category} flag`,
        },
        cause,
      );
      const { resolvedAt } = toFlag(flag);
      await this.outbox.publish(
        manager,
        'partners.partner.flag-resolved.v1',
        { partnerId, flagId, level: flag.level, category: flag.category, resolvedAt: resolvedAt! },
        cause,
      );
    });
  }

  async expiring(days: number, today = todayIso()): Promise<ExpiringChecks> {
    const until = todayIso(new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000));
    const rows = await this.repository.expiringBy(until);
    return { items: rows.map(({ check, partnerName }) => ({ ...toCheck(check), partnerName })) };
  }

  /**
   * Applies the blocking rule to the (locked) partner as of `today`. When whether it is blocked
   * changes: stored, audited and announced (partners.partner.status-changed.v1). Answers whether it
   * changed, with the checks and flags it read (so callers need not read them again).
   */
  async reassess(
    manager: EntityManager,
    partner: PartnerEntity,
    cause: Envelope,
    today = todayIso(),
  ): Promise<{ changed: boolean; checks: DueDiligenceCheckEntity[]; flags: PartnerFlagEntity[] }> {
    const [checks, flags] = await Promise.all([
      this.repository.checksOf(partner.id, manager),
      this.repository.flagsOf(partner.id, manager),
    ]);
    const reasons = blockingReasons(
      partner.category as PartnerCategory,
      flags.map(toFlag),
      checks.map(toCheck),
      today,
    );
    const blocked = reasons.length > 0;
    if (blocked === partner.blocked) {
      if (JSON.stringify(reasons) !== JSON.stringify(partner.blockingReasons)) {
        // Still blocked (or not), for other reasons: no new status, no version, no event.
        await manager.update(PartnerEntity, { id: partner.id }, { blockingReasons: reasons });
        partner.blockingReasons = reasons;
      }
      return { changed: false, checks, flags };
    }
    const previousStatus = effectiveStatus(partner);
    Object.assign(partner, { blocked, blockingReasons: reasons, updatedBy: cause.actor?.userId ?? 'system' });
    const saved = await this.partners.save(manager, partner);
    await this.audit.record(
      manager,
      {
        action: 'partner.status-changed',
        entityType: 'partner',
        entityId: partner.id,
        changes: [
          { field: 'status', before: previousStatus, after: effectiveStatus(saved) },
          { field: 'blockedForNewAgreements', before: !blocked, after: blocked },
        ],
        note: blocked ? reasons.map((reason) => reason.checkType ?? reason.rule).join(', ') : null,
      },
      cause,
    );
    await this.outbox.publish(
      manager,
      'partners.partner.status-changed.v1',
      {
        partnerId: partner.id,
        status: effectiveStatus(saved),
        previousStatus,
        blockedForNewAgreements: blocked,
        reasons: [...new Set(reasons.map((reason) => reason.rule))],
        version: saved.version,
        changedAt: saved.updatedAt.toISOString(),
      },
      cause,
    );
    return { changed: true, checks, flags };
  }

  private change(
    partnerId: string,
    cause: Envelope,
    apply: (manager: EntityManager, actor: Actor) => Promise<void>,
  ): Promise<DueDiligence> {
    return this.dataSource.transaction(async (manager) => {
      const partner = await this.partners.lockById(manager, partnerId);
      if (!partner) throw partnerNotFound(partnerId);
      const actor = cause.actor;
      if (!actor || !canChangePartner(actor, partner)) throw notAllowedToReview(partnerId);
      await apply(manager, actor);
      const { checks, flags } = await this.reassess(manager, partner, cause);
      return toDueDiligence(partner, checks, flags, actor);
    });
  }
}
