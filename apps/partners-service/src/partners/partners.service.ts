import { Injectable } from '@nestjs/common';
import {
  PartnerRegistrarRoles,
  canAssignPartner,
  canChangePartner,
  type Actor,
  type AssignPartnerCommand,
  type Envelope,
  type Partner,
  type PartnerPage,
  type RegisterPartnerCommand,
  type UpdatePartnerCommand,
} from '@pardev/contracts';
import { Outbox } from '@pardev/messaging';
import { AuditTrail, changesBetween, newId } from '@pardev/persistence';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import { PartnerEntity } from './partner.entity';
import {
  notAllowedToAssign,
  notAllowedToChange,
  notAllowedToRegister,
  partnerAlreadyExists,
  partnerNotFound,
  staleVersion,
} from './partner.errors';
import { auditedFields, toPartner, toPartnerRegistered, toPartnerUpdated } from './partner.mapper';
import { PartnersRepository, type PartnerSearch } from './partners.repository';

const isUniqueViolation = (error: unknown): boolean =>
  error instanceof QueryFailedError && (error.driverError as { code?: string } | undefined)?.code === '23505';

// The gateway has checked the role already; a service never relies on that (actor is signed).
const mayRegister = (actor: Actor | undefined): actor is Actor =>
  actor !== undefined &&
  actor.roles.some((role) => (PartnerRegistrarRoles as readonly string[]).includes(role));

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
    const actor = cause.actor;
    if (!mayRegister(actor)) throw notAllowedToRegister();
    const responsibleOfficerId =
      command.responsibleOfficerId ?? (actor.roles.includes('officer') ? actor.userId : null);
    return this.uniqueName(command, () =>
      this.dataSource.transaction(async (manager) => {
        if (await this.partners.nameTaken(manager, command.name, command.country)) {
          throw partnerAlreadyExists(command.name, command.country);
        }
        const entity = Object.assign(new PartnerEntity(), {
          id: newId(),
          ...command,
          responsibleOfficerId,
          delegateIds: [],
          createdBy: actor.userId,
          updatedBy: actor.userId,
        });
        const partner = toPartner(await this.partners.insert(manager, entity));
        await this.audit.record(
          manager,
          {
            action: 'partner.registered',
            entityType: 'partner',
            entityId: partner.id,
            changes: changesBetween(null, auditedFields(partner)),
          },
          cause,
        );
        await this.outbox.publish(
          manager,
          'partners.partner.registered.v1',
          toPartnerRegistered(partner),
          cause,
        );
        return partner;
      }),
    );
  }

  /** Changes the profile: admins, or the partner's responsible officer or delegates. */
  async update({ id, version, ...profile }: UpdatePartnerCommand, cause: Envelope): Promise<Partner> {
    return this.uniqueName(profile, () =>
      this.change(
        id,
        version,
        cause,
        'partner.updated',
        canChangePartner,
        notAllowedToChange,
        async (manager, partner) => {
          if (await this.partners.nameTaken(manager, profile.name, profile.country, id)) {
            throw partnerAlreadyExists(profile.name, profile.country);
          }
          Object.assign(partner, profile);
        },
      ),
    );
  }

  /** Hands the partner to another officer or names delegates: admins, or the responsible officer. */
  async assign(
    { id, version, responsibleOfficerId, delegateIds }: AssignPartnerCommand,
    cause: Envelope,
  ): Promise<Partner> {
    return this.change(
      id,
      version,
      cause,
      'partner.assigned',
      canAssignPartner,
      notAllowedToAssign,
      (_, partner) => {
        Object.assign(partner, { responsibleOfficerId, delegateIds });
      },
    );
  }

  async get(id: string): Promise<Partner> {
    const entity = await this.partners.findById(id);
    if (!entity) throw partnerNotFound(id);
    return toPartner(entity);
  }

  async list(search: PartnerSearch): Promise<PartnerPage> {
    const { items, total } = await this.partners.search(search);
    return { items: items.map(toPartner), total, page: search.page, pageSize: search.pageSize };
  }

  /**
   * One change to one partner: locked, checked (who may, which version), applied, audited with the
   * fields that changed and announced, all in one transaction.
   */
  private change(
    id: string,
    version: number,
    cause: Envelope,
    action: string,
    allowed: (actor: Actor, partner: PartnerEntity) => boolean,
    refusal: (id: string) => Error,
    apply: (manager: EntityManager, partner: PartnerEntity) => void | Promise<void>,
  ): Promise<Partner> {
    const actor = cause.actor;
    return this.dataSource.transaction(async (manager) => {
      const entity = await this.partners.lockById(manager, id);
      if (!entity) throw partnerNotFound(id);
      if (!actor || !allowed(actor, entity)) throw refusal(id);
      if (entity.version !== version) throw staleVersion(id, version, entity.version);
      const before = auditedFields(toPartner(entity));
      await apply(manager, entity);
      entity.updatedBy = actor.userId;
      const partner = toPartner(await this.partners.save(manager, entity));
      const changes = changesBetween(before, auditedFields(partner));
      await this.audit.record(manager, { action, entityType: 'partner', entityId: id, changes }, cause);
      await this.outbox.publish(manager, 'partners.partner.updated.v1', toPartnerUpdated(partner), cause);
      return partner;
    });
  }

  // Two writes of the same name racing past the check: the unique index decides.
  private async uniqueName<T>(
    profile: { name: string; country: string | null },
    write: () => Promise<T>,
  ): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (isUniqueViolation(error)) throw partnerAlreadyExists(profile.name, profile.country);
      throw error;
    }
  }
}
