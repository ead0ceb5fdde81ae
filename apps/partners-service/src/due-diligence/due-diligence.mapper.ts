import {
  canSeeDueDiligence,
  canSeeFlag,
  latestChecks,
  missingChecks,
  type Actor,
  type DueDiligence,
  type DueDiligenceCheck,
  type Flag,
} from '@pardev/contracts';
import type { PartnerEntity } from '../partners/partner.entity';
import type { DueDiligenceCheckEntity, PartnerFlagEntity } from './due-diligence.entities';

export const toCheck = (check: DueDiligenceCheckEntity): DueDiligenceCheck => ({
  id: check.id,
  partnerId: check.partnerId,
  type: check.type,
  result: check.result,
  checkedOn: check.checkedOn,
  expiresOn: check.expiresOn,
  evidence: check.evidence,
  notes: check.notes,
  reviewerId: check.reviewerId,
  recordedAt: check.recordedAt.toISOString(),
});

export const toFlag = (flag: PartnerFlagEntity): Flag => ({
  id: flag.id,
  partnerId: flag.partnerId,
  level: flag.level,
  category: flag.category,
  comment: flag.comment,
  raisedAt: flag.raisedAt.toISOString(),
  raisedBy: flag.raisedBy,
  resolvedAt: flag.resolvedAt?.toISOString() ?? null,
  resolvedBy: flag.resolvedBy,
  resolution: flag.resolution,
});

/** What a check says, field by field (for the audit trail). */
export const auditedCheck = (check: DueDiligenceCheckEntity) => ({
  type: check.type,
  result: check.result,
  checkedOn: check.checkedOn,
  expiresOn: check.expiresOn,
  evidence: check.evidence,
  notes: check.notes,
});

/** The partner's due diligence as `reader` may see it: viewers get no checks and no SEAH flags. */
export const toDueDiligence = (
  partner: PartnerEntity,
  checks: readonly DueDiligenceCheckEntity[],
  flags: readonly PartnerFlagEntity[],
  reader: Actor | undefined,
): DueDiligence => {
  const allChecks = latestChecks(checks.map(toCheck));
  const allFlags = flags
    .map(toFlag)
    .sort(
      (a, b) =>
        Number(a.resolvedAt !== null) - Number(b.resolvedAt !== null) || b.raisedAt.localeCompare(a.raisedAt),
    );
  const seesChecks = reader !== undefined && canSeeDueDiligence(reader);
  const visibleFlags = allFlags.filter((flag) => reader !== undefined && canSeeFlag(reader, flag));
  return {
    partnerId: partner.id,
    category: partner.category as DueDiligence['category'],
    checks: seesChecks ? allChecks : [],
    flags: visibleFlags,
    blockedForNewAgreements: partner.blocked,
    reasons: partner.blockingReasons.filter(
      (reason) => !reason.flagId || visibleFlags.some((flag) => flag.id === reason.flagId) || seesChecks,
    ),
    restricted: !seesChecks || visibleFlags.length < allFlags.length,
    missingChecks: seesChecks ? missingChecks(partner.category as DueDiligence['category'], allChecks) : [],
  };
};
