import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  amendmentTypeProblems,
  canChangeAgreement,
  diffTerms,
  type AgreementStatus,
  type AgreementTerms,
  type AgreementVersionList,
  type Amendment,
  type AmendmentList,
  type AmendmentType,
  type Envelope,
  type ParsedRequestOf,
  type TermDiff,
  type VersionDiff,
} from '@pardev/contracts';
import { DomainError } from '@pardev/messaging';
import { newId } from '@pardev/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import type { AgreementEntity } from './agreement.entities';
import { agreementNotFound, notAllowedToChange } from './agreement.errors';
import { AgreementsService, todayIso } from './agreements.service';
import { AgreementsRepository } from './agreements.repository';

// Amendments apply to agreements that are signed and not over.
const AMENDABLE: readonly AgreementStatus[] = ['SIGNED', 'ACTIVE', 'SUSPENDED'];

type Row = Record<string, unknown>;

export const termsOf = (entity: AgreementEntity): AgreementTerms => ({
  title: entity.title,
  description: entity.description,
  totalMinor: entity.totalMinor,
  pscRatePercent: entity.pscRatePercent,
  startOn: entity.startOn,
  endOn: entity.endOn,
  allocations: entity.allocations,
});

const refused = (message: string, field: string, rule: string) =>
  new DomainError(ErrorCode.ValidationFailed, message, [{ field, rule, message }]);

const toAmendment = (row: Row): Amendment => ({
  id: row.id as string,
  agreementId: row.agreement_id as string,
  sequence: row.sequence as number,
  type: row.type as AmendmentType,
  reason: row.reason as string,
  changes: row.changes as TermDiff[],
  status: row.status as Amendment['status'],
  signedOn: row.signed_on
    ? String(row.signed_on instanceof Date ? row.signed_on.toISOString() : row.signed_on).slice(0, 10)
    : null,
  decisionReason: (row.decision_reason as string | null) ?? null,
  makesVersion: (row.makes_version as number | null) ?? null,
  proposedAt: new Date(row.proposed_at as string).toISOString(),
  decidedAt: row.decided_at ? new Date(row.decided_at as string).toISOString() : null,
});

/**
 * Typed amendments to signed agreements: proposed with the changes they make (checked against the
 * type), then approved (a new version of the terms, applied to the agreement, audited and
 * announced as any change) or rejected. Version 0 is the agreement as signed.
 */
@Injectable()
export class AmendmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly agreements: AgreementsRepository,
    private readonly agreementsService: AgreementsService,
  ) {}

  async list(agreementId: string): Promise<AmendmentList> {
    await this.existing(agreementId);
    const rows: Row[] = await this.dataSource.query(
      `SELECT * FROM agreement_amendment WHERE agreement_id = $1 ORDER BY sequence DESC`,
      [agreementId],
    );
    return { items: rows.map(toAmendment) };
  }

  async propose(
    { agreementId, type, reason, changes }: ParsedRequestOf<'agreements.amendment.propose'>,
    cause: Envelope,
  ): Promise<Amendment> {
    const actor = cause.actor;
    return this.dataSource.transaction(async (manager) => {
      const entity = await this.agreements.lockById(manager, agreementId);
      if (!entity) throw agreementNotFound(agreementId);
      if (!actor || !canChangeAgreement(actor, entity)) throw notAllowedToChange(agreementId);
      if (!AMENDABLE.includes(entity.status as AgreementStatus)) {
        throw refused(
          `${entity.reference} is ${entity.status}: only signed, active or suspended agreements are amended (before signature, edit it)`,
          'status',
          'not_amendable',
        );
      }
      const current = termsOf(entity);
      const problems = amendmentTypeProblems(type, current, changes);
      if (problems.length > 0)
        throw new DomainError(
          ErrorCode.ValidationFailed,
          problems.map((p) => p.message).join('; '),
          problems,
        );
      const diff = diffTerms(current, { ...current, ...changes });
      if (diff.length === 0) throw refused('the amendment changes nothing', 'changes', 'no_change');
      const open: Row[] = await manager.query(
        `SELECT sequence FROM agreement_amendment WHERE agreement_id = $1 AND status = 'PROPOSED'`,
        [agreementId],
      );
      if (open.length > 0) {
        throw refused(
          `amendment ${String(open[0]!.sequence)} is still awaiting a decision`,
          'status',
          'one_at_a_time',
        );
      }
      const rows: Row[] = await manager.query(
        `INSERT INTO agreement_amendment (id, agreement_id, sequence, type, reason, changes, proposed_by)
         VALUES ($1, $2, (SELECT coalesce(max(sequence), 0) + 1 FROM agreement_amendment WHERE agreement_id = $2), $3, $4, $5, $6)
         RETURNING *`,
        [newId(), agreementId, type, reason, JSON.stringify(diff), actor.userId],
      );
      return toAmendment(rows[0]!);
    });
  }

  /**
   * Approves (with the date it was signed) or rejects an amendment. Approving re-checks the type
   * against the terms as they are now, applies the changes and records the new version.
   */
  async decide(
    {
      agreementId,
      amendmentId,
      decision,
      version,
      signedOn,
      reason,
    }: ParsedRequestOf<'agreements.amendment.decide'>,
    cause: Envelope,
  ): Promise<Amendment> {
    return this.dataSource.transaction(async (manager) => {
      const rows: Row[] = await manager.query(
        `SELECT * FROM agreement_amendment WHERE id = $1 AND agreement_id = $2 FOR UPDATE`,
        [amendmentId, agreementId],
      );
      if (!rows[0])
        throw new DomainError(ErrorCode.NotFound, `agreement ${agreementId} has no amendment ${amendmentId}`);
      const amendment = toAmendment(rows[0]);
      if (amendment.status !== 'PROPOSED') {
        throw refused(
          `amendment ${amendment.sequence} is already ${amendment.status.toLowerCase()}`,
          'status',
          'decided',
        );
      }
      if (decision === 'reject' && !reason)
        throw refused('a reason is required to reject', 'reason', 'reason_required');
      if (decision === 'approve' && !signedOn)
        throw refused('the date the amendment was signed is required', 'signedOn', 'signature_date_required');
      if (signedOn && signedOn > todayIso())
        throw refused('the date of signature cannot be in the future', 'signedOn', 'signature_date_future');

      let makesVersion: number | null = null;
      await this.agreementsService.changeWithin(
        manager,
        {
          id: agreementId,
          version,
          cause,
          action: `amendment.${decision === 'approve' ? 'approved' : 'rejected'}`,
          note: `amendment ${amendment.sequence} (${amendment.type}): ${reason ?? amendment.reason}`,
        },
        canChangeAgreement,
        notAllowedToChange,
        async (entity) => {
          // A rejection leaves the terms as they are: anyone editing the agreement meanwhile is not disturbed.
          if (decision === 'reject') return { kind: 'unchanged' };
          const current = termsOf(entity);
          const changes = Object.fromEntries(
            amendment.changes
              .filter((c) => !c.field.startsWith('allocations.'))
              .map((c) => [c.field, c.after]),
          ) as Partial<AgreementTerms>;
          const allocations = { ...current.allocations };
          for (const change of amendment.changes.filter((c) => c.field.startsWith('allocations.'))) {
            (allocations as Record<string, unknown>)[change.field.slice('allocations.'.length)] =
              change.after;
          }
          const next: AgreementTerms = { ...current, ...changes, allocations };
          const problems = amendmentTypeProblems(amendment.type, current, {
            ...changes,
            allocations,
            startOn: next.startOn ?? undefined,
            endOn: next.endOn ?? undefined,
          });
          if (problems.length > 0) {
            throw new DomainError(
              ErrorCode.ValidationFailed,
              `the terms have changed since the amendment was proposed: ${problems.map((p) => p.message).join('; ')}`,
              problems,
            );
          }
          makesVersion = await this.recordVersions(manager, entity, current, next, amendmentId);
          Object.assign(entity, next);
          await this.agreementsService.value(manager, entity);
          return { kind: 'updated' };
        },
      );
      // TypeORM answers an UPDATE with [rows, affected count].
      const [updated]: [Row[], number] = await manager.query(
        `UPDATE agreement_amendment SET status = $2, signed_on = $3, decision_reason = $4, makes_version = $5,
                decided_at = now() WHERE id = $1 RETURNING *`,
        [amendmentId, decision === 'approve' ? 'APPROVED' : 'REJECTED', signedOn, reason, makesVersion],
      );
      return toAmendment(updated[0]!);
    });
  }

  async versions(agreementId: string): Promise<AgreementVersionList> {
    const entity = await this.existing(agreementId);
    const rows: Row[] = await this.dataSource.query(
      `SELECT v.*, a.type AS amendment_type FROM agreement_version v
       LEFT JOIN agreement_amendment a ON a.id = v.amendment_id
       WHERE v.agreement_id = $1 ORDER BY v.number`,
      [agreementId],
    );
    // Never amended: the terms as they are are version 0.
    if (rows.length === 0) {
      return {
        items: [
          {
            number: 0,
            amendmentId: null,
            amendmentType: null,
            createdAt: entity.updatedAt.toISOString(),
            terms: termsOf(entity),
          },
        ],
      };
    }
    return {
      items: rows.map((row) => ({
        number: row.number as number,
        amendmentId: (row.amendment_id as string | null) ?? null,
        amendmentType: (row.amendment_type as AmendmentType | null) ?? null,
        createdAt: new Date(row.created_at as string).toISOString(),
        terms: row.terms as AgreementTerms,
      })),
    };
  }

  async diff({ agreementId, from, to }: ParsedRequestOf<'agreements.version.diff'>): Promise<VersionDiff> {
    const { items } = await this.versions(agreementId);
    const latest = items.at(-1)!.number;
    const before = items.find((v) => v.number === from);
    const after = items.find((v) => v.number === (to ?? latest));
    if (!before || !after) {
      throw refused(
        `versions run from 0 to ${items.at(-1)!.number}`,
        before ? 'to' : 'from',
        'unknown_version',
      );
    }
    return { agreementId, from, to: after.number, changes: diffTerms(before.terms, after.terms) };
  }

  private async existing(agreementId: string): Promise<AgreementEntity> {
    const entity = await this.agreements.findById(agreementId);
    if (!entity) throw agreementNotFound(agreementId);
    return entity;
  }

  /** Version 0 (as signed) the first time, then the next number; returns the new version's number. */
  private async recordVersions(
    manager: EntityManager,
    entity: AgreementEntity,
    current: AgreementTerms,
    next: AgreementTerms,
    amendmentId: string,
  ): Promise<number> {
    const last: Row[] = await manager.query(
      `SELECT max(number) AS n FROM agreement_version WHERE agreement_id = $1`,
      [entity.id],
    );
    let number = last[0]?.n === null || last[0]?.n === undefined ? -1 : Number(last[0].n);
    if (number < 0) {
      await manager.query(
        `INSERT INTO agreement_version (agreement_id, number, amendment_id, terms) VALUES ($1, 0, NULL, $2)`,
        [entity.id, JSON.stringify(current)],
      );
      number = 0;
    }
    await manager.query(
      `INSERT INTO agreement_version (agreement_id, number, amendment_id, terms) VALUES ($1, $2, $3, $4)`,
      [entity.id, number + 1, amendmentId, JSON.stringify(next)],
    );
    return number + 1;
  }
}
