import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import {
  AddTrancheRequestSchema,
  CreateAgreementRequestSchema,
  RecordInvoiceRequestSchema,
  RecordReceiptRequestSchema,
  SetCurrencyRatesRequestSchema,
  SetObligationsRequestSchema,
  TransitionRequestSchema,
  type Actor,
  type Envelope,
} from '@pardev/contracts';
import { causedBy } from '@pardev/messaging';
import { DataSource, In, MoreThan } from 'typeorm';
import { AgreementEntity } from '../agreements/agreement.entities';
import { AgreementsService, todayIso } from '../agreements/agreements.service';
import { CurrencyRates } from '../agreements/currency-rates';
import { TranchesService } from '../agreements/tranches.service';
import { PartnerOptionEntity } from '../partner-options/partner-option.entity';
import { StepsTo, demoAgreements, demoRates, type DemoAgreement } from './demo-agreements';

export const SEED_DEMO_DATA = Symbol('SEED_DEMO_DATA');
/** How long and how often the seed waits for the demo partners to arrive from partners-service. */
export const DEMO_SEED_TIMING = Symbol('DEMO_SEED_TIMING');
export interface DemoSeedTiming {
  readonly pollMs: number;
  readonly giveUpMs: number;
}
export const defaultDemoSeedTiming: DemoSeedTiming = { pollMs: 500, giveUpMs: 120_000 };

/** The demo officer the demo agreements are assigned to (a fixed id: there is no such account). */
export const DEMO_OFFICER_ID = '00000000-0000-4000-8000-00000000de40';
const officer: Actor = { userId: DEMO_OFFICER_ID, roles: ['admin'] };
const finance: Actor = { userId: DEMO_OFFICER_ID, roles: ['admin', 'finance'] };

class Stopped extends Error {}

/**
 * Demo funding agreements for a fresh install (SEED_DEMO_DATA), through the normal use cases so that
 * every step is audited and announced (results-service builds the reporting calendar from the events).
 *
 * Runs in the background after bootstrap: the partners it names are seeded by partners-service and
 * arrive here as events, so it waits for them (never holding up the boot), then drafts and walks the
 * agreements. Does nothing when disabled or when any agreement exists; logs errors, never throws.
 */
@Injectable()
export class DemoSeed implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly log = new Logger('DemoSeed');
  private stopped = false;
  private running: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(SEED_DEMO_DATA) private readonly enabled: boolean,
    @Inject(DEMO_SEED_TIMING) private readonly timing: DemoSeedTiming,
    private readonly dataSource: DataSource,
    private readonly agreements: AgreementsService,
    private readonly tranches: TranchesService,
    private readonly rates: CurrencyRates,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.enabled) return;
    this.running = this.run().catch((error: unknown) => {
      if (error instanceof Stopped) return;
      if (this.stopped) {
        this.log.warn(`demo agreements not seeded: stopped while seeding (${String(error)})`);
        return;
      }
      this.log.error(
        `demo agreements not seeded: ${error instanceof Error ? error.message : String(error)}`,
        error instanceof Error ? error.stack : undefined,
      );
    });
  }

  /** Before the database closes: stop waiting, let the step in progress finish. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stop();
    await this.running;
  }

  onApplicationShutdown(): void {
    this.stop();
  }

  /** Resolves when the background seed has finished (or was never started); for tests. */
  async settled(): Promise<void> {
    await this.running;
  }

  private stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.wake?.();
  }

  private async run(): Promise<void> {
    // Let the bootstrap finish first: nothing below holds it up.
    await this.sleep(0);
    if (await this.anyAgreement()) return;
    const today = todayIso();
    const demo = demoAgreements(today);
    const partners = await this.waitForPartners([...new Set(demo.flatMap((a) => a.partners))]);
    if (!partners || (await this.anyAgreement())) return;

    await this.setRates(today);
    for (const agreement of demo) {
      this.checkStopped();
      await this.seed(agreement, partners);
    }
    this.log.log(`seeded ${demo.length} demo agreements`);
  }

  private async anyAgreement(): Promise<boolean> {
    this.checkStopped();
    return this.dataSource.getRepository(AgreementEntity).exists();
  }

  /** The partner ids by name, once every one has arrived; undefined after the time allowed. */
  private async waitForPartners(names: string[]): Promise<Map<string, string> | undefined> {
    const deadline = Date.now() + this.timing.giveUpMs;
    for (;;) {
      this.checkStopped();
      const found = await this.dataSource.getRepository(PartnerOptionEntity).find({
        select: { id: true, name: true },
        where: { name: In(names), sourceVersion: MoreThan(0) },
      });
      const byName = new Map(found.map((p) => [p.name, p.id]));
      if (names.every((name) => byName.has(name))) return byName;
      if (Date.now() >= deadline) {
        const missing = names.filter((name) => !byName.has(name));
        this.log.warn(
          `demo agreements not seeded: after ${this.timing.giveUpMs / 1000} s, ${missing.length} demo partner(s) have not arrived from partners-service (${missing.join('; ')})`,
        );
        return undefined;
      }
      await this.sleep(this.timing.pollMs);
    }
  }

  /** Illustrative monthly rates (not real UN rates), leaving alone any that finance already set. */
  private async setRates(today: string): Promise<void> {
    this.checkStopped();
    const existing = new Set((await this.rates.list({})).items.map((r) => `${r.currency}:${r.month}`));
    const missing = demoRates(today).filter((r) => !existing.has(`${r.currency}:${r.month}`));
    if (missing.length === 0) return;
    await this.rates.set(SetCurrencyRatesRequestSchema.parse({ rates: missing }), this.cause(finance));
  }

  private async seed(demo: DemoAgreement, partners: ReadonlyMap<string, string>): Promise<void> {
    const terms = CreateAgreementRequestSchema.parse({
      ...demo.terms,
      partnerIds: demo.partners.map((name) => partners.get(name)),
      responsibleOfficerId: DEMO_OFFICER_ID,
    });
    const created = await this.agreements.create(terms, this.cause(officer));
    const id = created.id;
    let version = created.version;

    const trancheIds: string[] = [];
    for (const tranche of demo.tranches) {
      this.checkStopped();
      const schedule = await this.tranches.add(
        AddTrancheRequestSchema.parse({
          agreementId: id,
          plannedOn: tranche.plannedOn,
          amountMinor: tranche.amountMinor,
          conditions: tranche.conditions,
        }),
        this.cause(officer),
      );
      trancheIds.push(schedule.items[schedule.items.length - 1]!.id);
    }

    const steps = StepsTo[demo.status];
    const transition = async (action: (typeof steps)[number]) => {
      this.checkStopped();
      const moved = await this.agreements.transition(
        TransitionRequestSchema.parse({
          id,
          version,
          action,
          signedOn: action === 'sign' ? demo.signedOn : undefined,
        }),
        this.cause(officer),
      );
      version = moved.version;
    };
    // Up to activation; the money and the reports; then the end, if it has ended.
    for (const action of steps.filter((s) => s !== 'end')) await transition(action);

    if (demo.obligations.length > 0) {
      this.checkStopped();
      const set = await this.agreements.setObligations(
        SetObligationsRequestSchema.parse({ agreementId: id, version, obligations: demo.obligations }),
        this.cause(officer),
      );
      version = set.version;
    }

    for (const [index, tranche] of demo.tranches.entries()) {
      const trancheId = trancheIds[index]!;
      if (tranche.invoicedOn) {
        this.checkStopped();
        await this.tranches.invoice(
          RecordInvoiceRequestSchema.parse({
            agreementId: id,
            trancheId,
            invoicedOn: tranche.invoicedOn,
            invoiceReference: `INV-${created.reference}-${index + 1}`,
          }),
          this.cause(finance),
        );
      }
      if (tranche.receivedOn) {
        this.checkStopped();
        await this.tranches.receive(
          RecordReceiptRequestSchema.parse({
            agreementId: id,
            trancheId,
            receivedOn: tranche.receivedOn,
            receivedMinor: tranche.amountMinor,
          }),
          this.cause(finance),
        );
      }
    }

    if (steps.includes('end')) {
      // Recording money does not move the agreement's version today; read it rather than assume so.
      version = (await this.agreements.get(id)).version;
      await transition('end');
    }
  }

  private cause(actor: Actor): Envelope {
    return { ...causedBy('agreements-service'), actor };
  }

  private checkStopped(): void {
    if (this.stopped) throw new Stopped();
  }

  private sleep(ms: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      this.wake = resolve;
      this.timer = setTimeout(resolve, ms);
      this.timer.unref();
    });
  }
}
