import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { causedBy } from '@pardev/messaging';
import { DataSource } from 'typeorm';
import { PartnersRepository } from '../partners/partners.repository';
import { DueDiligenceRepository } from './due-diligence.repository';
import { DueDiligenceService, todayIso } from './due-diligence.service';

export const SWEEP_INTERVAL_MS = Symbol('SWEEP_INTERVAL_MS');

// Any constant shared by the replicas of partners-service: the advisory lock of the sweep.
const SWEEP_LOCK = 7_324_001;

/**
 * Checks expire with the calendar, not with an event: this job re-applies the blocking rule to
 * the partners it may concern, at start and then periodically. Replicas take turns through a
 * transaction-scoped advisory lock, so one sweep runs at a time and each change is announced once.
 */
@Injectable()
export class BlockingSweep implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('BlockingSweep');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    private readonly partners: PartnersRepository,
    private readonly repository: DueDiligenceRepository,
    private readonly dueDiligence: DueDiligenceService,
    @Inject(SWEEP_INTERVAL_MS) private readonly intervalMs: number,
  ) {}

  onApplicationBootstrap(): void {
    if (this.intervalMs <= 0) return;
    const tick = () => {
      this.running = this.run().catch((error: unknown) =>
        this.log.warn(`sweep failed, will try again: ${(error as Error).message}`),
      );
    };
    tick();
    this.timer = setInterval(tick, this.intervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Re-assesses every partner that may have changed as of `today`; returns how many did. */
  async run(today = todayIso()): Promise<number> {
    const cause = causedBy('partners-service');
    return this.dataSource.transaction(async (manager) => {
      const rows: { locked: boolean }[] = await manager.query(
        `SELECT pg_try_advisory_xact_lock($1) AS locked`,
        [SWEEP_LOCK],
      );
      if (!rows[0]?.locked) return 0;
      let changed = 0;
      for (const id of await this.repository.partnersToReassess(manager, today)) {
        const partner = await this.partners.lockById(manager, id);
        if (partner && (await this.dueDiligence.reassess(manager, partner, cause, today)).changed) changed++;
      }
      if (changed > 0) this.log.log(`${changed} partner(s) changed status as of ${today}`);
      return changed;
    });
  }
}
