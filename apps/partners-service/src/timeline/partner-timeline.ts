import { Controller, Injectable, Module } from '@nestjs/common';
import type { EventOf, ParsedRequestOf, PartnerTimeline, PartnerTimelineEntry } from '@pardev/contracts';
import { OnEvent, OnRequest, type EventContext } from '@pardev/messaging';
import { newId } from '@pardev/persistence';
import { DataSource, type EntityManager } from 'typeorm';

type Entry = Omit<PartnerTimelineEntry, 'id' | 'partnerId'>;
type Row = Record<string, unknown>;

/** The timeline of each partner: one row per partner of the agreement an event is about. */
@Injectable()
export class PartnerTimelineRepository {
  constructor(private readonly dataSource: DataSource) {}

  async add(manager: EntityManager, partnerIds: readonly string[], entry: Entry): Promise<void> {
    for (const partnerId of new Set(partnerIds)) {
      await manager.query(
        `INSERT INTO partner_timeline (id, partner_id, occurred_at, kind, agreement_id, reference, title, detail)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          newId(),
          partnerId,
          entry.occurredAt,
          entry.kind,
          entry.agreementId,
          entry.reference,
          entry.title,
          JSON.stringify(entry.detail),
        ],
      );
    }
  }

  /** Newest first, a page at a time (ids are UUIDv7: their order is the order things were recorded). */
  async of({
    partnerId,
    cursor,
    limit,
  }: ParsedRequestOf<'partners.partner.timeline'>): Promise<PartnerTimeline> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT * FROM partner_timeline WHERE partner_id = $1 AND ($2::uuid IS NULL OR id < $2::uuid)
       ORDER BY id DESC LIMIT $3`,
      [partnerId, cursor ?? null, limit + 1],
    );
    const items = rows.slice(0, limit).map((row): PartnerTimelineEntry => ({
      id: row.id as string,
      partnerId: row.partner_id as string,
      occurredAt: new Date(row.occurred_at as string).toISOString(),
      kind: row.kind as PartnerTimelineEntry['kind'],
      agreementId: row.agreement_id as string,
      reference: row.reference as string,
      title: row.title as string,
      detail: row.detail as PartnerTimelineEntry['detail'],
    }));
    return { items, nextCursor: rows.length > limit ? items.at(-1)!.id : null };
  }
}

// Fed by agreements-service: drafted, each step of the lifecycle, money received.
@Controller()
export class PartnerTimelineHandler {
  constructor(private readonly timeline: PartnerTimelineRepository) {}

  @OnEvent('agreements.agreement.registered.v1')
  onDrafted(event: EventOf<'agreements.agreement.registered.v1'>, { manager }: EventContext) {
    return this.timeline.add(manager, event.partnerIds, {
      occurredAt: event.registeredAt,
      kind: 'AGREEMENT_DRAFTED',
      agreementId: event.agreementId,
      reference: event.reference,
      title: event.title,
      detail: { currency: event.currency, totalMinor: event.totalMinor },
    });
  }

  @OnEvent('agreements.agreement.status-changed.v1')
  onStatusChanged(event: EventOf<'agreements.agreement.status-changed.v1'>, { manager }: EventContext) {
    return this.timeline.add(manager, event.partnerIds, {
      occurredAt: event.changedAt,
      kind: 'AGREEMENT_STATUS',
      agreementId: event.agreementId,
      reference: event.reference,
      title: event.title,
      detail: { action: event.action, from: event.from, to: event.status, reason: event.reason },
    });
  }

  @OnEvent('agreements.agreement.tranche-received.v1')
  onTrancheReceived(
    event: EventOf<'agreements.agreement.tranche-received.v1'>,
    { manager, envelope }: EventContext,
  ) {
    return this.timeline.add(manager, event.partnerIds, {
      occurredAt: envelope.occurredAt,
      kind: 'TRANCHE_RECEIVED',
      agreementId: event.agreementId,
      reference: event.reference,
      title: event.reference,
      detail: {
        currency: event.currency,
        receivedMinor: event.receivedMinor,
        receivedOn: event.receivedOn,
        usdMinor: event.usdMinor,
        ratePerUsd: event.ratePerUsd,
      },
    });
  }

  @OnRequest('partners.partner.timeline')
  of(query: ParsedRequestOf<'partners.partner.timeline'>) {
    return this.timeline.of(query);
  }
}

@Module({ controllers: [PartnerTimelineHandler], providers: [PartnerTimelineRepository] })
export class PartnerTimelineModule {}
