import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  canChangePartner,
  type ContactList,
  type Envelope,
  type ParsedRequestOf,
} from '@pardev/contracts';
import { DomainError } from '@pardev/messaging';
import { AuditTrail, changesBetween, newId } from '@pardev/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { notAllowedToChange, partnerNotFound } from '../partners/partner.errors';
import { PartnersRepository } from '../partners/partners.repository';
import { ContactEntity } from './contact.entity';

type ContactFields = Omit<ParsedRequestOf<'partners.contact.add'>, 'partnerId'>;

const contactNotFound = (contactId: string, partnerId: string) =>
  new DomainError(ErrorCode.NotFound, `partner ${partnerId} has no contact ${contactId}`);

const audited = ({
  name,
  role,
  email,
  phone,
  focalPoint,
  authorisedSignatory,
}: ContactFields | ContactEntity) => ({
  name,
  role,
  email,
  phone,
  focalPoint,
  authorisedSignatory,
});

/** People at a partner; changed by those who may change the partner, each change audited on it. */
@Injectable()
export class ContactsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly partners: PartnersRepository,
    private readonly audit: AuditTrail,
  ) {}

  async list(partnerId: string, manager: EntityManager = this.dataSource.manager): Promise<ContactList> {
    const items = await manager
      .getRepository(ContactEntity)
      .find({ where: { partnerId }, order: { focalPoint: 'DESC', name: 'ASC' } });
    return { items: items.map((contact) => ({ ...contact })) };
  }

  async listOf(partnerId: string): Promise<ContactList> {
    if (!(await this.partners.findById(partnerId))) throw partnerNotFound(partnerId);
    return this.list(partnerId);
  }

  add(
    { partnerId, ...fields }: ParsedRequestOf<'partners.contact.add'>,
    cause: Envelope,
  ): Promise<ContactList> {
    return this.change(partnerId, cause, async (manager) => {
      const contact = Object.assign(new ContactEntity(), { id: newId(), partnerId, ...fields });
      await this.keepOneFocalPoint(manager, contact);
      await manager.getRepository(ContactEntity).insert(contact);
      return { action: 'contact.added', changes: changesBetween(null, audited(contact)) };
    });
  }

  update(
    { partnerId, contactId, ...fields }: ParsedRequestOf<'partners.contact.update'>,
    cause: Envelope,
  ): Promise<ContactList> {
    return this.change(partnerId, cause, async (manager) => {
      const contact = await this.load(manager, partnerId, contactId);
      const before = audited(contact);
      Object.assign(contact, fields);
      await this.keepOneFocalPoint(manager, contact);
      await manager.getRepository(ContactEntity).save(contact);
      return { action: 'contact.updated', changes: changesBetween(before, audited(contact)) };
    });
  }

  remove(
    { partnerId, contactId }: ParsedRequestOf<'partners.contact.remove'>,
    cause: Envelope,
  ): Promise<ContactList> {
    return this.change(partnerId, cause, async (manager) => {
      const contact = await this.load(manager, partnerId, contactId);
      await manager.getRepository(ContactEntity).delete({ id: contactId });
      return { action: 'contact.removed', changes: changesBetween(audited(contact), null) };
    });
  }

  private async load(manager: EntityManager, partnerId: string, contactId: string): Promise<ContactEntity> {
    const contact = await manager.getRepository(ContactEntity).findOneBy({ id: contactId, partnerId });
    if (!contact) throw contactNotFound(contactId, partnerId);
    return contact;
  }

  // One focal point per partner: naming a new one hands the role over.
  private async keepOneFocalPoint(manager: EntityManager, contact: ContactEntity): Promise<void> {
    if (!contact.focalPoint) return;
    await manager
      .createQueryBuilder()
      .update(ContactEntity)
      .set({ focalPoint: false })
      .where('partner_id = :partnerId AND id <> :id AND focal_point', {
        partnerId: contact.partnerId,
        id: contact.id,
      })
      .execute();
  }

  private change(
    partnerId: string,
    cause: Envelope,
    apply: (
      manager: EntityManager,
    ) => Promise<{ action: string; changes: ReturnType<typeof changesBetween> }>,
  ): Promise<ContactList> {
    return this.dataSource.transaction(async (manager) => {
      const partner = await this.partners.lockById(manager, partnerId);
      if (!partner) throw partnerNotFound(partnerId);
      if (!cause.actor || !canChangePartner(cause.actor, partner)) throw notAllowedToChange(partnerId);
      const { action, changes } = await apply(manager);
      await this.partners.refreshSearchText(manager, partnerId);
      await this.audit.record(
        manager,
        { action, entityType: 'partner', entityId: partnerId, changes },
        cause,
      );
      return this.list(partnerId, manager);
    });
  }
}
