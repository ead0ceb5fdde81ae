import { Controller } from '@nestjs/common';
import type { EventOf, ParsedRequestOf, PartnerCategory, PartnerOptionPage } from '@pardev/contracts';
import { OnEvent, OnRequest, type EventContext } from '@pardev/messaging';
import { AgreementsRepository } from '../agreements/agreements.repository';
import { PartnerOptionsRepository } from './partner-options.repository';

@Controller()
export class PartnerOptionsHandler {
  constructor(
    private readonly options: PartnerOptionsRepository,
    private readonly agreements: AgreementsRepository,
  ) {}

  @OnEvent('partners.partner.registered.v1')
  async onPartnerRegistered(
    event: EventOf<'partners.partner.registered.v1'>,
    { manager }: EventContext,
  ): Promise<void> {
    await this.options.upsert(manager, event);
  }

  @OnEvent('partners.partner.updated.v1')
  async onPartnerUpdated(
    event: EventOf<'partners.partner.updated.v1'>,
    { manager }: EventContext,
  ): Promise<void> {
    await this.options.upsert(manager, event);
    // A renamed partner: its agreements are found by the new name.
    await this.agreements.refreshSearchTextOfPartner(manager, event.partnerId);
  }

  // A red flag or an expired mandatory check: the partner may not join an agreement not yet signed.
  @OnEvent('partners.partner.status-changed.v1')
  async onPartnerStatusChanged(
    event: EventOf<'partners.partner.status-changed.v1'>,
    { manager }: EventContext,
  ): Promise<void> {
    await this.options.setBlocked(manager, event);
  }

  @OnRequest('agreements.partner-option.list')
  async list({
    q,
    page,
    pageSize,
  }: ParsedRequestOf<'agreements.partner-option.list'>): Promise<PartnerOptionPage> {
    const { items, total } = await this.options.search(q, page, pageSize);
    return {
      items: items.map(({ id, name, acronym, category, country, blocked }) => ({
        id,
        name,
        acronym,
        category: category as PartnerCategory,
        country,
        blockedForNewAgreements: blocked,
      })),
      total,
      page,
      pageSize,
    };
  }
}
