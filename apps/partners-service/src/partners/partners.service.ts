import { Injectable } from '@nestjs/common';
import {
  PartnerRegistrarRoles,
  defaultOwnership,
  canAssignPartner,
  canChangePartner,
  type Actor,
  type AssignPartnerCommand,
  type DuplicateCandidates,
  type ParsedRequestOf,
  type Envelope,
  type Partner,
  type PartnerPage,
  type RegisterPartnerCommand,
  type UpdatePartnerCommand,
} from '@pardev/contracts';
import { Outbox } from '@pardev/messaging';
import { AuditTrail, changesBetween, newId } from '@pardev/persistence';
import { IloRegionOfCountry } from '@pardev/reference-data';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import { PartnerEntity } from './partner.entity';
import {
  iatiIdentifierTaken,
  invalidParent,
  notAllowedToAssign,
  notAllowedToChange,
  notAllowedToRegister,
  partnerAlreadyExists,
  partnerNotFound,
  staleVersion,
} from './partner.errors';
import { auditedFields, toPartner, toPartnerRegistered, toPartnerUpdated } from './partner.mapper';
import { PartnersRepository, type PartnerSearch } from './partners.repository';

/** The unique index a write ran into, if that is why it failed. */
const violatedUniqueIndex = (error: unknown): string | undefined => {
  if (!(error instanceof QueryFailedError)) return undefined;
  const driverError = error.driverError as
    { code?: string; constraint?: string; message?: string } | undefined;
  if (driverError?.code !== '23505') return undefined;
  return (
    driverError.constraint ??
    (driverError.message?.includes('iati_identifier')
      ? 'partner_iati_identifier_uq'
      : 'partner_name_country_uq')
  );
};

interface DuplicateKeys {
  readonly name: string;
  readonly country: string | null;
  readonly iatiIdentifier?: string | null | undefined;
}

/** A write refused by a unique index, as the refusal a person understands; any other error as it is. */
export const asDuplicateRefusal = (error: unknown, profile: DuplicateKeys): unknown => {
  const index = violatedUniqueIndex(error);
  if (index === 'partner_iati_identifier_uq') return iatiIdentifierTaken(profile.iatiIdentifier ?? '');
  if (index) return partnerAlreadyExists(profile.name, profile.country);
  return error;
};

const regionOf = (country: string | null) => (country ? (IloRegionOfCountry[country] ?? null) : null);

// Fields left out of an update stay as they are.
const definedOnly = <T extends object>(fields: T): Partial<T> =>
  Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;

// The gateway has checked the role already; a service never relies on that (actor is signed).
const mayRegister = (actor: Actor | undefined): actor is Actor =>
  actor !== undefined &&
  actor.roles.some((role) => (PartnerRegistrarRoles as readonly string[]).includes(role));

type FindDuplicates = ParsedRequestOf<'partners.partner.find-duplicates'>;

/** Which partner, at which version, who asks, and how the audit trail names the change. */
interface PartnerChange {
  readonly id: string;
  readonly version: number;
  readonly cause: Envelope;
  readonly action: string;
  readonly note?: string | undefined;
}

@Injectable()
export class PartnersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly partners: PartnersRepository,
    private readonly outbox: Outbox,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * Registers a partner, records it in the audit trail and announces it, atomically. An officer who
   * names nobody else becomes its responsible officer.
   */
  async register(command: RegisterPartnerCommand, cause: Envelope): Promise<Partner> {
    return this.refusingDuplicates(command, () =>
      this.dataSource.transaction((manager) => this.registerWithin(manager, command, cause)),
    );
  }

  /**
   * Registration inside a transaction the caller holds (one form, or a batch of imported rows):
   * checked, inserted, audited and announced there.
   */
  async registerWithin(
    manager: EntityManager,
    command: RegisterPartnerCommand,
    cause: Envelope,
    note?: string,
  ): Promise<Partner> {
    const actor = cause.actor;
    if (!mayRegister(actor)) throw notAllowedToRegister();
    const responsibleOfficerId =
      command.responsibleOfficerId ?? (actor.roles.includes('officer') ? actor.userId : null);
    if (await this.partners.nameTaken(manager, command.name, command.country)) {
      throw partnerAlreadyExists(command.name, command.country);
    }
    if (command.parentPartnerId) await this.checkParent(manager, null, command.parentPartnerId);
    const entity = Object.assign(new PartnerEntity(), {
      id: newId(),
      ...command,
      legalName: command.legalName ?? null,
      iatiIdentifier: command.iatiIdentifier ?? null,
      ownership: command.ownership ?? defaultOwnership(command.category),
      region: regionOf(command.country),
      parentPartnerId: command.parentPartnerId ?? null,
      status: command.status ?? 'ACTIVE',
      tags: command.tags ?? [],
      notes: command.notes ?? null,
      responsibleOfficerId,
      delegateIds: [],
      createdBy: actor.userId,
      updatedBy: actor.userId,
    });
    const partner = toPartner(await this.partners.insert(manager, entity));
    await this.partners.refreshSearchText(manager, partner.id);
    await this.audit.record(
      manager,
      {
        action: 'partner.registered',
        entityType: 'partner',
        entityId: partner.id,
        changes: changesBetween(null, auditedFields(partner)),
        note,
      },
      cause,
    );
    await this.outbox.publish(manager, 'partners.partner.registered.v1', toPartnerRegistered(partner), cause);
    return partner;
  }

  /** Changes the profile: admins, or the partner's responsible officer or delegates. */
  async update(command: UpdatePartnerCommand, cause: Envelope): Promise<Partner> {
    return this.refusingDuplicates(command, () =>
      this.dataSource.transaction((manager) => this.updateWithin(manager, command, cause)),
    );
  }

  /** A profile change inside a transaction the caller holds (see `registerWithin`). */
  updateWithin(
    manager: EntityManager,
    { id, version, ...profile }: UpdatePartnerCommand,
    cause: Envelope,
    note?: string,
  ): Promise<Partner> {
    const change = { id, version, cause, action: 'partner.updated', note };
    return this.changeWithin(manager, change, canChangePartner, notAllowedToChange, async (partner) => {
      if (await this.partners.nameTaken(manager, profile.name, profile.country, id)) {
        throw partnerAlreadyExists(profile.name, profile.country);
      }
      if (profile.parentPartnerId) await this.checkParent(manager, id, profile.parentPartnerId);
      Object.assign(partner, definedOnly(profile), { region: regionOf(profile.country) });
    });
  }

  /** Hands the partner to another officer or names delegates: admins, or the responsible officer. */
  async assign(
    { id, version, responsibleOfficerId, delegateIds }: AssignPartnerCommand,
    cause: Envelope,
  ): Promise<Partner> {
    const change = { id, version, cause, action: 'partner.assigned' };
    return this.dataSource.transaction((manager) =>
      this.changeWithin(manager, change, canAssignPartner, notAllowedToAssign, (partner) => {
        Object.assign(partner, { responsibleOfficerId, delegateIds });
      }),
    );
  }

  async get(id: string): Promise<Partner> {
    const entity = await this.partners.findById(id);
    if (!entity) throw partnerNotFound(id);
    return toPartner(entity);
  }

  /** Likely duplicates to warn about before a partner is registered (or renamed). */
  async findDuplicates({ name, iatiIdentifier, exceptId }: FindDuplicates): Promise<DuplicateCandidates> {
    const rows = await this.partners.duplicatesOf(name, iatiIdentifier, exceptId);
    return {
      items: rows.map((row) => ({
        id: row.id,
        name: row.name,
        acronym: row.acronym,
        country: row.country,
        iatiIdentifier: row.iatiIdentifier,
        reason: row.sameIdentifier ? ('same-identifier' as const) : ('similar-name' as const),
        similarity: row.sameIdentifier ? 1 : Math.min(1, Math.round(row.similarity * 100) / 100),
      })),
    };
  }

  async list(search: PartnerSearch): Promise<PartnerPage> {
    const { items, total } = await this.partners.search(search);
    return { items: items.map(toPartner), total, page: search.page, pageSize: search.pageSize };
  }

  /**
   * One change to one partner: locked, checked (who may, which version), applied, audited with the
   * fields that changed and announced, all in the caller's transaction.
   */
  private async changeWithin(
    manager: EntityManager,
    { id, version, cause, action, note }: PartnerChange,
    allowed: (actor: Actor, partner: PartnerEntity) => boolean,
    refusal: (id: string) => Error,
    apply: (partner: PartnerEntity) => void | Promise<void>,
  ): Promise<Partner> {
    const actor = cause.actor;
    const entity = await this.partners.lockById(manager, id);
    if (!entity) throw partnerNotFound(id);
    if (!actor || !allowed(actor, entity)) throw refusal(id);
    if (entity.version !== version) throw staleVersion(id, version, entity.version);
    const before = auditedFields(toPartner(entity));
    await apply(entity);
    entity.updatedBy = actor.userId;
    const partner = toPartner(await this.partners.save(manager, entity));
    await this.partners.refreshSearchText(manager, id);
    const changes = changesBetween(before, auditedFields(partner));
    await this.audit.record(manager, { action, entityType: 'partner', entityId: id, changes, note }, cause);
    await this.outbox.publish(manager, 'partners.partner.updated.v1', toPartnerUpdated(partner), cause);
    return partner;
  }

  /** The parent must exist and must not be the partner itself or one of its descendants. */
  private async checkParent(manager: EntityManager, id: string | null, parentId: string): Promise<void> {
    if (parentId === id) throw invalidParent('cannot be the partner itself');
    const seen = new Set<string>();
    for (let current: string | null = parentId; current;) {
      if (current === id) throw invalidParent('cannot be one of its own subsidiaries');
      if (seen.has(current)) break;
      seen.add(current);
      const ancestor: PartnerEntity | null = await manager
        .getRepository(PartnerEntity)
        .findOneBy({ id: current });
      if (!ancestor) throw invalidParent('does not exist');
      current = ancestor.parentPartnerId;
    }
  }

  // Two writes racing past the checks: the unique indexes decide (name per country, IATI identifier).
  private async refusingDuplicates<T>(profile: DuplicateKeys, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      throw asDuplicateRefusal(error, profile);
    }
  }
}
