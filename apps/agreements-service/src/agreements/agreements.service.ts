import { Injectable } from '@nestjs/common';
import {
  AgreementRegistrarRoles,
  FinalStatuses,
  UnsignedStatuses,
  canAssignAgreement,
  canChangeAgreement,
  decideTransition,
  toUsdMinor,
  type Actor,
  type Agreement,
  type AgreementAction,
  type AgreementPage,
  type AgreementStatus,
  type Allocations,
  type CreateAgreementCommand,
  type Envelope,
  type ObligationList,
  type FieldError,
  type ParsedRequestOf,
  type UpdateAgreementCommand,
} from '@pardev/contracts';
import { Outbox } from '@pardev/messaging';
import { AuditTrail, changesBetween, newId } from '@pardev/persistence';
import { IloRegionOfCountry } from '@pardev/reference-data';
import { DataSource, type EntityManager } from 'typeorm';
import type { PartnerOptionEntity } from '../partner-options/partner-option.entity';
import { AgreementEntity } from './agreement.entities';
import {
  agreementNotFound,
  finalAgreement,
  lockedTerms,
  notAllowedToAssign,
  notAllowedToChange,
  notAllowedToDraft,
  partnerProblems,
  staleVersion,
  transitionRefused,
} from './agreement.errors';
import { agreementState, auditedFields, toAgreement, toListItem } from './agreement.mapper';
import { AgreementsRepository } from './agreements.repository';
import { CurrencyRates } from './currency-rates';

export const todayIso = (now = new Date()): string => now.toISOString().slice(0, 10);

const mayDraft = (actor: Actor | undefined): actor is Actor =>
  actor !== undefined &&
  actor.roles.some((role) => (AgreementRegistrarRoles as readonly string[]).includes(role));

/** The filterable copies of the allocations (countries, their ILO regions, P&B outcomes). */
const allocationIndex = (allocations: Allocations) => {
  const countries = allocations.recipients.filter((r) => r.kind === 'COUNTRY').map((r) => r.code);
  return {
    recipientCountries: countries,
    recipientRegions: [
      ...new Set(countries.flatMap((c) => (IloRegionOfCountry[c] ? [IloRegionOfCountry[c]] : []))),
    ],
    pbOutcomes: [...allocations.pbOutcomes],
  };
};

type Terms = Omit<CreateAgreementCommand, 'responsibleOfficerId'>;

/** What a change announces: new terms, or a step of the lifecycle. */
type Announcement =
  /** Nothing of the agreement changed (an amendment rejected): audited on it, its version kept. */
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'updated' }
  | { readonly kind: 'obligations' }
  | {
      readonly kind: 'status-changed';
      readonly action: AgreementAction;
      readonly from: AgreementStatus;
      readonly reason: string | null;
    };

/** One change of one agreement: which, at which version, by whom, named how in the audit trail. */
interface AgreementChange {
  readonly id: string;
  readonly version: number;
  readonly cause: Envelope;
  readonly action: string;
  readonly note?: string | undefined;
}

/**
 * Funding agreements: drafted by officers, changed by the people responsible for them, moved along
 * the lifecycle by its rules. Every change is locked, checked, audited and announced in one transaction.
 */
@Injectable()
export class AgreementsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly agreements: AgreementsRepository,
    private readonly rates: CurrencyRates,
    private readonly outbox: Outbox,
    private readonly audit: AuditTrail,
  ) {}

  async create(command: CreateAgreementCommand, cause: Envelope): Promise<Agreement> {
    const actor = cause.actor;
    if (!mayDraft(actor)) throw notAllowedToDraft();
    const id = await this.dataSource.transaction(async (manager) => {
      const directory = await this.agreements.partners(manager, command.partnerIds);
      const problems = partnerChecks(command.partnerIds, directory, []);
      if (problems.length > 0) throw partnerProblems(problems);
      const entity = Object.assign(new AgreementEntity(), {
        id: newId(),
        reference: await this.agreements.nextReference(
          manager,
          command.fundingSource,
          Number(todayIso().slice(0, 4)),
        ),
        ...termsOf(command),
        status: 'DRAFT',
        statusReason: null,
        responsibleOfficerId:
          command.responsibleOfficerId ?? (actor.roles.includes('officer') ? actor.userId : null),
        delegateIds: [],
        receivedMinor: 0,
        receivedUsdMinor: 0,
        createdBy: actor.userId,
        updatedBy: actor.userId,
      });
      await this.value(manager, entity);
      const saved = await this.agreements.save(manager, entity);
      await this.agreements.refreshSearchText(manager, saved.id);
      await this.audit.record(
        manager,
        {
          action: 'agreement.registered',
          entityType: 'agreement',
          entityId: saved.id,
          changes: changesBetween(null, auditedFields(saved)),
        },
        cause,
      );
      await this.outbox.publish(
        manager,
        'agreements.agreement.registered.v1',
        { ...agreementState(saved), registeredAt: saved.createdAt.toISOString() },
        cause,
      );
      return saved.id;
    });
    return this.get(id);
  }

  /** Changes the terms: only before signature (after it, by an amendment). */
  async update(
    { id, version, responsibleOfficerId: _ignored, ...terms }: UpdateAgreementCommand,
    cause: Envelope,
  ): Promise<Agreement> {
    await this.dataSource.transaction((manager) =>
      this.changeWithin(
        manager,
        { id, version, cause, action: 'agreement.updated' },
        canChangeAgreement,
        notAllowedToChange,
        async (entity) => {
          if (!UnsignedStatuses.includes(entity.status as AgreementStatus))
            throw lockedTerms(entity.reference, entity.status);
          const directory = await this.agreements.partners(manager, terms.partnerIds);
          const problems = partnerChecks(terms.partnerIds, directory, entity.partnerIds);
          if (problems.length > 0) throw partnerProblems(problems);
          Object.assign(entity, termsOf(terms));
          await this.value(manager, entity);
          return { kind: 'updated' };
        },
      ),
    );
    return this.get(id);
  }

  /** Hands the agreement to another officer or names delegates: admins, or the responsible officer. */
  async assign(
    { id, version, responsibleOfficerId, delegateIds }: ParsedRequestOf<'agreements.agreement.assign'>,
    cause: Envelope,
  ): Promise<Agreement> {
    await this.dataSource.transaction((manager) =>
      this.changeWithin(
        manager,
        { id, version, cause, action: 'agreement.assigned' },
        canAssignAgreement,
        notAllowedToAssign,
        (entity) => {
          Object.assign(entity, { responsibleOfficerId, delegateIds });
          return { kind: 'updated' };
        },
      ),
    );
    return this.get(id);
  }

  /**
   * Sets the reporting obligations as a whole (results-service re-works the calendar from the event).
   * An obligation sent with its id keeps it, so that what was reported against it stays attached.
   */
  async setObligations(
    { agreementId, version, obligations }: ParsedRequestOf<'agreements.obligation.set'>,
    cause: Envelope,
  ): Promise<ObligationList> {
    const saved = await this.dataSource.transaction((manager) =>
      this.changeWithin(
        manager,
        { id: agreementId, version, cause, action: 'agreement.obligations-set' },
        canChangeAgreement,
        notAllowedToChange,
        (entity) => {
          const known = new Set(entity.obligations.map((o) => o.id));
          entity.obligations = obligations.map((o) => ({
            id: o.id && known.has(o.id) ? o.id : newId(),
            type: o.type,
            frequency: o.frequency,
            daysAfterPeriodEnd: o.daysAfterPeriodEnd,
            customDates: [...o.customDates].sort(),
            notes: o.notes,
          }));
          return { kind: 'obligations' };
        },
      ),
    );
    return { agreementId, version: saved.version, items: saved.obligations };
  }

  async obligations(agreementId: string): Promise<ObligationList> {
    const entity = await this.agreements.findById(agreementId);
    if (!entity) throw agreementNotFound(agreementId);
    return { agreementId, version: entity.version, items: entity.obligations };
  }

  /** One step of the lifecycle, if its rules hold (decideTransition); refused with every rule broken. */
  async transition(
    { id, version, action, reason, signedOn }: ParsedRequestOf<'agreements.agreement.transition'>,
    cause: Envelope,
  ): Promise<Agreement> {
    await this.dataSource.transaction((manager) =>
      this.changeWithin(
        manager,
        { id, version, cause, action: `agreement.${action}`, note: reason ?? undefined },
        canChangeAgreement,
        notAllowedToChange,
        async (entity) => {
          const directory = await this.agreements.partners(manager, entity.partnerIds);
          const tranches = await this.agreements.tranches(manager, id);
          const live = tranches.filter((t) => t.status !== 'CANCELLED');
          const decision = decideTransition(
            {
              status: entity.status as AgreementStatus,
              totalMinor: entity.totalMinor,
              startOn: entity.startOn,
              endOn: entity.endOn,
              signedOn: entity.signedOn,
              responsibleOfficerId: entity.responsibleOfficerId,
              allocations: entity.allocations,
              blockedPartners: entity.partnerIds.flatMap((p) =>
                directory.get(p)?.blocked ? [directory.get(p)!.name] : [],
              ),
              scheduledMinor: live.reduce((sum, t) => sum + t.amountMinor, 0),
              outstandingTranches: live.filter((t) => t.status !== 'RECEIVED').length,
              today: todayIso(),
            },
            { action, reason, signedOn },
          );
          if (!decision.ok) throw transitionRefused(action, decision.refusals);
          const from = entity.status as AgreementStatus;
          entity.status = decision.to;
          entity.signedOn = decision.signedOn;
          entity.statusReason = reason ?? null;
          // Signing fixes the month whose rate values the agreement.
          if (action === 'sign') await this.value(manager, entity);
          return { kind: 'status-changed', action, from, reason: reason ?? null };
        },
      ),
    );
    return this.get(id);
  }

  async get(id: string): Promise<Agreement> {
    const entity = await this.agreements.findById(id);
    if (!entity) throw agreementNotFound(id);
    const [directory, overdue] = await Promise.all([
      this.agreements.partners(this.dataSource, entity.partnerIds),
      this.agreements.overdueCounts([id], todayIso()),
    ]);
    return toAgreement(entity, directory, overdue.get(id) ?? 0);
  }

  async list(query: ParsedRequestOf<'agreements.agreement.list'>): Promise<AgreementPage> {
    // The totals (a count and a sum over every match) take longest: the page is read meanwhile.
    const [items, totals] = await Promise.all([this.listPage(query), this.agreements.totals(query)]);
    return {
      items,
      total: totals.total,
      page: query.page,
      pageSize: query.pageSize,
      totals: { usdMinor: totals.usdMinor, withoutRate: totals.withoutRate },
    };
  }

  private async listPage(query: ParsedRequestOf<'agreements.agreement.list'>) {
    const entities = await this.agreements.page(query);
    const [directory, overdue] = await Promise.all([
      this.agreements.partners(
        this.dataSource,
        entities.flatMap((a) => a.partnerIds),
      ),
      this.agreements.overdueCounts(
        entities.map((a) => a.id),
        todayIso(),
      ),
    ]);
    return entities.map((entity) => toListItem(toAgreement(entity, directory, overdue.get(entity.id) ?? 0)));
  }

  /**
   * The agreement's total in USD at the UN rate of the month that values it: of signature, else of
   * the start, else of drafting. Kept with the rate and its month; null until finance sets that rate.
   */
  async value(manager: EntityManager, entity: AgreementEntity): Promise<void> {
    const month = (
      entity.signedOn ??
      entity.startOn ??
      (entity.createdAt ? entity.createdAt.toISOString() : todayIso())
    ).slice(0, 7);
    const rate = await this.rates.rateOf(manager, entity.currency, month);
    entity.usdRateMonth = month;
    entity.usdRate = rate;
    entity.totalUsdMinor = rate === null ? null : toUsdMinor(entity.totalMinor, entity.currency, rate);
  }

  /**
   * Locks the agreement, checks who may and which version, applies the change, then audits the
   * fields that changed and announces the result, in the caller's transaction.
   */
  async changeWithin(
    manager: EntityManager,
    { id, version, cause, action, note }: AgreementChange,
    allowed: (actor: Actor, agreement: AgreementEntity) => boolean,
    refusal: (id: string) => Error,
    apply: (agreement: AgreementEntity) => Announcement | Promise<Announcement>,
  ): Promise<AgreementEntity> {
    const actor = cause.actor;
    const entity = await this.agreements.lockById(manager, id);
    if (!entity) throw agreementNotFound(id);
    if (!actor || !allowed(actor, entity)) throw refusal(id);
    if (entity.version !== version) throw staleVersion(id, version, entity.version);
    if (FinalStatuses.includes(entity.status as AgreementStatus))
      throw finalAgreement(entity.reference, entity.status);
    const before = auditedFields(entity);
    const announcement = await apply(entity);
    if (announcement.kind === 'unchanged') {
      await this.audit.record(
        manager,
        { action, entityType: 'agreement', entityId: id, changes: [], note },
        cause,
      );
      return entity;
    }
    entity.updatedBy = actor.userId;
    Object.assign(entity, allocationIndex(entity.allocations));
    const saved = await this.agreements.save(manager, entity);
    await this.agreements.refreshSearchText(manager, id);
    const changes = changesBetween(before, auditedFields(saved));
    await this.audit.record(manager, { action, entityType: 'agreement', entityId: id, changes, note }, cause);
    const at = saved.updatedAt.toISOString();
    if (announcement.kind === 'updated') {
      await this.outbox.publish(
        manager,
        'agreements.agreement.updated.v1',
        { ...agreementState(saved), updatedAt: at },
        cause,
      );
    } else if (announcement.kind === 'obligations') {
      await this.outbox.publish(
        manager,
        'agreements.agreement.obligations-set.v1',
        {
          agreementId: saved.id,
          reference: saved.reference,
          title: saved.title,
          partnerIds: saved.partnerIds,
          status: saved.status as AgreementStatus,
          startOn: saved.startOn,
          endOn: saved.endOn,
          obligations: saved.obligations,
          version: saved.version,
          setAt: at,
        },
        cause,
      );
    } else {
      const { action: step, from, reason } = announcement;
      await this.outbox.publish(
        manager,
        'agreements.agreement.status-changed.v1',
        { ...agreementState(saved), action: step, from, reason, changedAt: at },
        cause,
      );
    }
    return saved;
  }
}

/** The terms of a command as columns (with the allocations' filterable copies). */
const termsOf = (terms: Terms) => ({
  title: terms.title,
  partnerIds: terms.partnerIds,
  type: terms.type,
  fundingSource: terms.fundingSource,
  earmarkingCategory: terms.earmarkingCategory,
  aidType: terms.aidType,
  flowType: terms.flowType,
  financeType: terms.financeType,
  currency: terms.currency,
  totalMinor: terms.totalMinor,
  pscRatePercent: terms.pscRatePercent,
  signedOn: terms.signedOn,
  startOn: terms.startOn,
  endOn: terms.endOn,
  description: terms.description,
  allocations: terms.allocations,
  ...allocationIndex(terms.allocations),
});

/**
 * Every partner must be in the directory; one that is blocked for new agreements cannot be added
 * (those already on the agreement stay, and the lifecycle refuses to approve or sign with them).
 */
const partnerChecks = (
  ids: readonly string[],
  directory: ReadonlyMap<string, PartnerOptionEntity>,
  alreadyOn: readonly string[],
): FieldError[] =>
  ids.flatMap((id, index): FieldError[] => {
    const partner = directory.get(id);
    if (!partner) {
      return [
        {
          field: `partnerIds.${index}`,
          rule: 'unknown_partner',
          message: `partner ${id} is not in the directory`,
        },
      ];
    }
    if (partner.blocked && !alreadyOn.includes(id)) {
      return [
        {
          field: `partnerIds.${index}`,
          rule: 'partner_blocked',
          message: `${partner.name} is blocked for new agreements (a red flag or an expired mandatory check)`,
        },
      ];
    }
    return [];
  });
