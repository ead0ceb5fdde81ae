import { Injectable } from '@nestjs/common';
import {
  FinalStatuses,
  canChangeAgreement,
  canRecordFinance,
  toUsdMinor,
  type AgreementStatus,
  type Envelope,
  type ParsedRequestOf,
  type TrancheSchedule,
} from '@pardev/contracts';
import { Outbox } from '@pardev/messaging';
import { AuditTrail, changesBetween, newId } from '@pardev/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { AgreementEntity, TrancheEntity } from './agreement.entities';
import {
  agreementNotFound,
  finalAgreement,
  notAllowedToChange,
  notFinance,
  trancheNotFound,
  trancheRefused,
} from './agreement.errors';
import { toTranche } from './agreement.mapper';
import { todayIso } from './agreements.service';
import { AgreementsRepository } from './agreements.repository';
import { CurrencyRates } from './currency-rates';

type Who = 'responsible' | 'finance';

const trancheFields = (t: TrancheEntity) => ({
  plannedOn: t.plannedOn,
  amountMinor: t.amountMinor,
  conditions: t.conditions,
  status: t.status,
  invoicedOn: t.invoicedOn,
  invoiceReference: t.invoiceReference,
  receivedOn: t.receivedOn,
  receivedMinor: t.receivedMinor,
  receivedRate: t.receivedRate,
  receivedUsdMinor: t.receivedUsdMinor,
  cancelReason: t.cancelReason,
});

/**
 * The contribution schedule: officers plan tranches (date, amount, conditions), finance records the
 * invoice and the money received (date, amount, rate → USD, kept beside the original). The agreement
 * keeps the sums received so that lists show them without adding tranches up.
 */
@Injectable()
export class TranchesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly agreements: AgreementsRepository,
    private readonly rates: CurrencyRates,
    private readonly outbox: Outbox,
    private readonly audit: AuditTrail,
  ) {}

  async schedule(agreementId: string): Promise<TrancheSchedule> {
    const agreement = await this.agreements.findById(agreementId);
    if (!agreement) throw agreementNotFound(agreementId);
    return this.scheduleOf(this.dataSource, agreement);
  }

  add(
    { agreementId, plannedOn, amountMinor, conditions }: ParsedRequestOf<'agreements.tranche.add'>,
    cause: Envelope,
  ): Promise<TrancheSchedule> {
    return this.change(agreementId, cause, 'responsible', async (manager, agreement) => {
      const tranches = await this.agreements.tranches(manager, agreementId);
      const tranche = await manager.save(
        TrancheEntity,
        Object.assign(new TrancheEntity(), {
          id: newId(),
          agreementId,
          sequence: Math.max(0, ...tranches.map((t) => t.sequence)) + 1,
          plannedOn,
          amountMinor,
          conditions,
          status: 'PLANNED',
        }),
      );
      await this.record(manager, agreement, 'tranche.planned', null, tranche, cause);
    });
  }

  update(
    {
      agreementId,
      trancheId,
      plannedOn,
      amountMinor,
      conditions,
    }: ParsedRequestOf<'agreements.tranche.update'>,
    cause: Envelope,
  ): Promise<TrancheSchedule> {
    return this.change(agreementId, cause, 'responsible', async (manager, agreement) => {
      const tranche = await this.trancheOf(manager, agreementId, trancheId);
      if (tranche.status === 'RECEIVED' || tranche.status === 'CANCELLED') {
        throw trancheRefused(
          `tranche ${tranche.sequence} is ${tranche.status.toLowerCase()}; it can no longer be re-planned`,
          'status',
          'settled',
        );
      }
      const before = { ...tranche };
      Object.assign(tranche, { plannedOn, amountMinor, conditions });
      await manager.save(TrancheEntity, tranche);
      await this.record(manager, agreement, 'tranche.replanned', before, tranche, cause);
    });
  }

  cancel(
    { agreementId, trancheId, reason }: ParsedRequestOf<'agreements.tranche.cancel'>,
    cause: Envelope,
  ): Promise<TrancheSchedule> {
    return this.change(agreementId, cause, 'responsible', async (manager, agreement) => {
      const tranche = await this.trancheOf(manager, agreementId, trancheId);
      if (tranche.status === 'RECEIVED') {
        throw trancheRefused(
          `tranche ${tranche.sequence} has been received; it cannot be cancelled`,
          'status',
          'settled',
        );
      }
      const before = { ...tranche };
      Object.assign(tranche, { status: 'CANCELLED', cancelReason: reason });
      await manager.save(TrancheEntity, tranche);
      await this.record(manager, agreement, 'tranche.cancelled', before, tranche, cause, reason);
    });
  }

  invoice(
    { agreementId, trancheId, invoicedOn, invoiceReference }: ParsedRequestOf<'agreements.tranche.invoice'>,
    cause: Envelope,
  ): Promise<TrancheSchedule> {
    return this.change(agreementId, cause, 'finance', async (manager, agreement) => {
      const tranche = await this.trancheOf(manager, agreementId, trancheId);
      if (tranche.status !== 'PLANNED' && tranche.status !== 'INVOICED') {
        throw trancheRefused(
          `tranche ${tranche.sequence} is ${tranche.status.toLowerCase()}`,
          'status',
          'settled',
        );
      }
      const before = { ...tranche };
      Object.assign(tranche, { status: 'INVOICED', invoicedOn, invoiceReference });
      await manager.save(TrancheEntity, tranche);
      await this.record(manager, agreement, 'tranche.invoiced', before, tranche, cause);
    });
  }

  /** Money received: valued in USD at the rate given, else at the UN rate of the month received. */
  receive(
    {
      agreementId,
      trancheId,
      receivedOn,
      receivedMinor,
      ratePerUsd,
    }: ParsedRequestOf<'agreements.tranche.receive'>,
    cause: Envelope,
  ): Promise<TrancheSchedule> {
    return this.change(agreementId, cause, 'finance', async (manager, agreement) => {
      const tranche = await this.trancheOf(manager, agreementId, trancheId);
      if (tranche.status === 'RECEIVED' || tranche.status === 'CANCELLED') {
        throw trancheRefused(
          `tranche ${tranche.sequence} is ${tranche.status.toLowerCase()}`,
          'status',
          'settled',
        );
      }
      if (receivedOn > todayIso()) {
        throw trancheRefused('the date received cannot be in the future', 'receivedOn', 'not_future');
      }
      const month = receivedOn.slice(0, 7);
      const rate = ratePerUsd ?? (await this.rates.rateOf(manager, agreement.currency, month));
      if (rate === null) {
        throw trancheRefused(
          `there is no UN rate for ${agreement.currency} in ${month}: enter the rate used, or set the month's rate first`,
          'ratePerUsd',
          'rate_unknown',
        );
      }
      const before = { ...tranche };
      const usdMinor = toUsdMinor(receivedMinor, agreement.currency, rate);
      Object.assign(tranche, {
        status: 'RECEIVED',
        receivedOn,
        receivedMinor,
        receivedRate: rate,
        receivedRateMonth: ratePerUsd ? null : month,
        receivedUsdMinor: usdMinor,
      });
      await manager.save(TrancheEntity, tranche);
      agreement.receivedMinor += receivedMinor;
      agreement.receivedUsdMinor += usdMinor;
      await manager.query(`UPDATE agreement SET received_minor = $2, received_usd_minor = $3 WHERE id = $1`, [
        agreement.id,
        agreement.receivedMinor,
        agreement.receivedUsdMinor,
      ]);
      await this.record(manager, agreement, 'tranche.received', before, tranche, cause);
      await this.outbox.publish(
        manager,
        'agreements.agreement.tranche-received.v1',
        {
          agreementId: agreement.id,
          reference: agreement.reference,
          partnerIds: agreement.partnerIds,
          trancheId: tranche.id,
          currency: agreement.currency,
          receivedMinor,
          receivedOn,
          usdMinor,
          ratePerUsd: rate,
        },
        cause,
      );
    });
  }

  /**
   * A change of the schedule: the agreement is locked (tranches of one agreement change one at a
   * time), who may is checked, the change is made and audited, and the new schedule returned.
   */
  private async change(
    agreementId: string,
    cause: Envelope,
    who: Who,
    apply: (manager: EntityManager, agreement: AgreementEntity) => Promise<void>,
  ): Promise<TrancheSchedule> {
    const actor = cause.actor;
    return this.dataSource.transaction(async (manager) => {
      const agreement = await this.agreements.lockById(manager, agreementId);
      if (!agreement) throw agreementNotFound(agreementId);
      if (
        who === 'finance'
          ? !actor || !canRecordFinance(actor)
          : !actor || !canChangeAgreement(actor, agreement)
      ) {
        throw who === 'finance' ? notFinance() : notAllowedToChange(agreementId);
      }
      if (FinalStatuses.includes(agreement.status as AgreementStatus)) {
        throw finalAgreement(agreement.reference, agreement.status);
      }
      await apply(manager, agreement);
      return this.scheduleOf(manager, agreement);
    });
  }

  private async trancheOf(
    manager: EntityManager,
    agreementId: string,
    trancheId: string,
  ): Promise<TrancheEntity> {
    const tranche = await manager.getRepository(TrancheEntity).findOneBy({ id: trancheId, agreementId });
    if (!tranche) throw trancheNotFound(trancheId);
    return tranche;
  }

  private async record(
    manager: EntityManager,
    agreement: AgreementEntity,
    action: string,
    before: TrancheEntity | null,
    after: TrancheEntity,
    cause: Envelope,
    note?: string,
  ): Promise<void> {
    await this.audit.record(
      manager,
      {
        action,
        entityType: 'agreement',
        entityId: agreement.id,
        changes: changesBetween(before ? trancheFields(before) : null, trancheFields(after)),
        note: note ?? `tranche ${after.sequence}`,
      },
      cause,
    );
  }

  private async scheduleOf(
    manager: EntityManager | DataSource,
    agreement: AgreementEntity,
  ): Promise<TrancheSchedule> {
    const tranches = await this.agreements.tranches(manager, agreement.id);
    const today = todayIso();
    const live = tranches.filter((t) => t.status !== 'CANCELLED');
    return {
      agreementId: agreement.id,
      currency: agreement.currency,
      totalMinor: agreement.totalMinor,
      plannedMinor: live.reduce((sum, t) => sum + t.amountMinor, 0),
      receivedMinor: live.reduce((sum, t) => sum + (t.receivedMinor ?? 0), 0),
      receivedUsdMinor: live.reduce((sum, t) => sum + (t.receivedUsdMinor ?? 0), 0),
      items: tranches.map((t) => toTranche(t, today)),
    };
  }
}
