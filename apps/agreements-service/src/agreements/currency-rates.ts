import { Injectable } from '@nestjs/common';
import {
  canRecordFinance,
  toUsdMinor,
  type CurrencyRate,
  type CurrencyRateList,
  type Envelope,
  type ParsedRequestOf,
} from '@pardev/contracts';
import { AuditTrail, changesBetween } from '@pardev/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { CurrencyRateEntity } from './agreement.entities';
import { notFinance } from './agreement.errors';

/**
 * The UN operational rates of exchange (units of a currency per 1 USD, by month), kept by finance.
 * Setting a rate also re-works the USD equivalent of the agreements that wait for it.
 */
@Injectable()
export class CurrencyRates {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  /** The rate of `currency` for `month` (YYYY-MM); "1" for USD; null when finance has not set it. */
  async rateOf(manager: EntityManager | DataSource, currency: string, month: string): Promise<string | null> {
    if (currency === 'USD') return '1';
    const rate = await manager.getRepository(CurrencyRateEntity).findOneBy({ currency, month });
    return rate?.ratePerUsd ?? null;
  }

  async list({
    month,
    currency,
  }: ParsedRequestOf<'agreements.currency-rate.list'>): Promise<CurrencyRateList> {
    const rows = await this.dataSource.getRepository(CurrencyRateEntity).find({
      where: { ...(month ? { month } : {}), ...(currency ? { currency } : {}) },
      order: { month: 'DESC', currency: 'ASC' },
      take: 5_000,
    });
    return { items: rows.map(toView) };
  }

  async set(
    { rates }: ParsedRequestOf<'agreements.currency-rate.set'>,
    cause: Envelope,
  ): Promise<CurrencyRateList> {
    const actor = cause.actor;
    if (!actor || !canRecordFinance(actor)) throw notFinance();
    const saved = await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(CurrencyRateEntity);
      const result: CurrencyRateEntity[] = [];
      for (const rate of rates) {
        const before = await repository.findOneBy({ currency: rate.currency, month: rate.month });
        if (before?.ratePerUsd === rate.ratePerUsd) {
          result.push(before);
          continue;
        }
        const entity = await repository.save({ ...rate, updatedBy: actor.userId });
        await this.audit.record(
          manager,
          {
            action: 'currency-rate.set',
            entityType: 'currency-rate',
            entityId: `${rate.currency}:${rate.month}`,
            changes: changesBetween(before ? { ratePerUsd: before.ratePerUsd } : null, {
              ratePerUsd: rate.ratePerUsd,
            }),
          },
          cause,
        );
        await this.revalue(manager, rate);
        result.push(entity);
      }
      return result;
    });
    return { items: saved.map(toView) };
  }

  /** The USD equivalent of every agreement whose total is valued at this currency and month. */
  private async revalue(manager: EntityManager, rate: CurrencyRate): Promise<void> {
    const rows: { id: string; total_minor: string }[] = await manager.query(
      `SELECT id, total_minor FROM agreement WHERE currency = $1 AND usd_rate_month = $2`,
      [rate.currency, rate.month],
    );
    for (const row of rows) {
      await manager.query(`UPDATE agreement SET usd_rate = $2, total_usd_minor = $3 WHERE id = $1`, [
        row.id,
        rate.ratePerUsd,
        toUsdMinor(Number(row.total_minor), rate.currency, rate.ratePerUsd),
      ]);
    }
  }
}

const toView = (entity: CurrencyRateEntity) => ({
  currency: entity.currency,
  month: entity.month,
  ratePerUsd: entity.ratePerUsd,
  updatedAt: entity.updatedAt.toISOString(),
});
