import { Injectable } from '@nestjs/common';
import type { Envelope, Partner, PartnerPage, RegisterPartnerCommand } from '@pardev/contracts';
import { Outbox } from '@pardev/messaging';
import { newId } from '@pardev/persistence';
import { DataSource, QueryFailedError } from 'typeorm';
import { PartnerEntity } from './partner.entity';
import { partnerAlreadyExists, partnerNotFound } from './partner.errors';
import { toPartner, toPartnerRegistered } from './partner.mapper';
import { PartnersRepository, type PartnerSearch } from './partners.repository';

const isUniqueViolation = (error: unknown): boolean =>
  error instanceof QueryFailedError && (error.driverError as { code?: string } | undefined)?.code === '23505';

@Injectable()
export class PartnersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly partners: PartnersRepository,
    private readonly outbox: Outbox,
  ) {}

  /** Registers a partner and announces it, atomically (the event is in the outbox of the same transaction). */
  async register(command: RegisterPartnerCommand, cause: Envelope): Promise<Partner> {
    const actor = cause.actor?.userId ?? 'system';
    try {
      return await this.dataSource.transaction(async (manager) => {
        if (await this.partners.nameTaken(manager, command.name, command.country)) {
          throw partnerAlreadyExists(command.name, command.country);
        }
        const entity = Object.assign(new PartnerEntity(), {
          id: newId(),
          ...command,
          createdBy: actor,
          updatedBy: actor,
        });
        const partner = toPartner(await this.partners.insert(manager, entity));
        await this.outbox.publish(
          manager,
          'partners.partner.registered.v1',
          toPartnerRegistered(partner),
          cause,
        );
        return partner;
      });
    } catch (error) {
      // Two registrations of the same name racing past the check: the unique index decides.
      if (isUniqueViolation(error)) throw partnerAlreadyExists(command.name, command.country);
      throw error;
    }
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
}
