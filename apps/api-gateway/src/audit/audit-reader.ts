import { Injectable } from '@nestjs/common';
import {
  Contexts,
  auditSearchSubjects,
  type AuditPage,
  type AuditViewPage,
  type Context,
  type ParsedAuditQuery,
} from '@pardev/contracts';
import { MessageBus, type RequestOptions } from '@pardev/messaging';
import { AuditTrail } from '@pardev/persistence';
import { UsersRepository } from '../identity/users.repository';
import { mergePages } from './merge-pages';

/**
 * Reads the audit trail. Each service keeps the entries of its own changes (written in the same
 * transaction as the change); the gateway keeps identity's (sign-ins, accounts, refused requests).
 * A search asks them all and merges; names of the acting users come from identity.
 */
@Injectable()
export class AuditReader {
  constructor(
    private readonly bus: MessageBus,
    private readonly identityTrail: AuditTrail,
    private readonly users: UsersRepository,
  ) {}

  async search(query: ParsedAuditQuery, context: RequestOptions): Promise<AuditViewPage> {
    const pages = await Promise.all([
      this.identityTrail.search(query),
      ...Contexts.map((name) => this.bus.request(auditSearchSubjects[name], query, context)),
    ]);
    return this.withNames(mergePages(pages, query.limit));
  }

  /** The history of one record, from the service that owns it. */
  async historyOf(
    owner: Context,
    entityType: string,
    entityId: string,
    page: { cursor?: string | undefined; limit: number },
    context: RequestOptions,
  ): Promise<AuditViewPage> {
    const query = { entityType, entityId, cursor: page.cursor, limit: page.limit };
    return this.withNames(await this.bus.request(auditSearchSubjects[owner], query, context));
  }

  private async withNames(page: AuditPage): Promise<AuditViewPage> {
    const names = await this.users.namesOf([
      ...new Set(page.items.flatMap((entry) => (entry.actorId ? [entry.actorId] : []))),
    ]);
    return {
      items: page.items.map((entry) => ({
        ...entry,
        actorName: entry.actorId ? (names.get(entry.actorId) ?? null) : null,
      })),
      nextCursor: page.nextCursor,
    };
  }
}
