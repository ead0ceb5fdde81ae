import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DATABASE, type Database, type Unlisten } from '@pardev/persistence';
import type { EntityManager } from 'typeorm';
import { SessionCache } from './session-cache';

const CHANNEL = 'session_revoked';

export type Revocation = { readonly sessionId: string } | { readonly userId: string };

/**
 * Logout and deactivation take effect on every gateway replica at once, not when a replica's
 * session cache runs out: the revoking transaction NOTIFYs, and each replica (all LISTENing on
 * the identity database they share) drops the session from its cache the moment it commits.
 */
@Injectable()
export class SessionRevocation implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('SessionRevocation');
  private unlisten: Unlisten | undefined;

  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly cache: SessionCache,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.unlisten = await this.database.listen(CHANNEL, (payload) => this.forget(payload));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.unlisten?.().catch(() => undefined);
  }

  /** Call inside the transaction that ends the session(s): the notice goes out when it commits. */
  async announce(manager: EntityManager, revocation: Revocation): Promise<void> {
    await manager.query(`SELECT pg_notify($1, $2)`, [CHANNEL, JSON.stringify(revocation)]);
    // This replica need not wait for its own notice.
    this.apply(revocation);
  }

  private forget(payload: string): void {
    try {
      this.apply(JSON.parse(payload) as Revocation);
    } catch {
      this.log.warn(`ignored a malformed revocation notice`);
    }
  }

  private apply(revocation: Revocation): void {
    if ('sessionId' in revocation) this.cache.delete(revocation.sessionId);
    else this.cache.deleteUser(revocation.userId);
  }
}
