import { Controller } from '@nestjs/common';
import type { EventOf, ParsedRequestOf, PartnerCategory, ResponseOf } from '@pardev/contracts';
import { OnEvent, OnRequest, type EventContext } from '@pardev/messaging';
import { PartnerDirectoryRepository } from './partner-directory.repository';

@Controller()
export class PartnerDirectoryHandler {
  constructor(private readonly directory: PartnerDirectoryRepository) {}

  @OnEvent('partners.partner.registered.v1')
  async onPartnerRegistered(
    event: EventOf<'partners.partner.registered.v1'>,
    { manager }: EventContext,
  ): Promise<void> {
    await this.directory.upsert(manager, event);
  }

  @OnEvent('partners.partner.updated.v1')
  async onPartnerUpdated(
    event: EventOf<'partners.partner.updated.v1'>,
    { manager }: EventContext,
  ): Promise<void> {
    await this.directory.upsert(manager, event);
  }

  @OnRequest('results.partner-directory.list')
  async list({
    q,
    page,
    pageSize,
  }: ParsedRequestOf<'results.partner-directory.list'>): Promise<
    ResponseOf<'results.partner-directory.list'>
  > {
    const { items, total } = await this.directory.search(q, page, pageSize);
    return {
      items: items.map(({ id, name, acronym, category, country }) => ({
        id,
        name,
        acronym,
        category: category as PartnerCategory,
        country,
      })),
      total,
      page,
      pageSize,
    };
  }
}
