import { Big } from 'big.js';
import * as iso4217 from 'dinero.js/currencies';
import type { DineroCurrency } from 'dinero.js';
import { Currency as IatiCurrency, activeItems } from '@pardev/reference-data';
import { z } from 'zod';

/*
 * Money is an integer count of the currency's minor unit (cents, centimes; yen have none) beside an
 * ISO 4217 code, everywhere: in messages, in the database (bigint), in sums. Converting to US dollars
 * divides by the UN operational rate of exchange (units of the currency per 1 USD) in decimal
 * arithmetic (big.js) and rounds half to even to the cent, once. Never a float.
 */

const definitions = new Map<string, DineroCurrency<number>>(
  Object.values(iso4217 as Record<string, DineroCurrency<number>>).map((c) => [c.code, c]),
);

/** ISO 4217 codes of the IATI Currency codelist that are still in use, with their minor unit. */
export const CurrencyCodeList: readonly string[] = activeItems(IatiCurrency)
  .map((item) => item.code)
  .filter((code) => definitions.has(code) && code !== 'XBT');

const supported = new Set(CurrencyCodeList);
export const CurrencyCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine((code) => supported.has(code), { message: 'must be an ISO 4217 currency code such as EUR' });

/** Digits after the decimal point: 2 for EUR, 0 for JPY, 3 for KWD. */
export const minorDigits = (currency: string): number => {
  const definition = definitions.get(currency);
  if (!definition) throw new Error(`unknown currency ${currency}`);
  return definition.exponent;
};

/** An amount in minor units: a whole number, at most what a JavaScript number holds exactly. */
export const MinorAmountSchema = z
  .number({ message: 'must be a number of minor units (cents)' })
  .int({ message: 'must be a whole number of minor units (cents)' })
  .min(0, { message: 'must not be negative' })
  .max(Number.MAX_SAFE_INTEGER);

export const MoneySchema = z.object({ currency: CurrencyCodeSchema, minor: MinorAmountSchema });
export type Money = z.infer<typeof MoneySchema>;

/** A UN operational rate of exchange: units of the currency for 1 USD, e.g. "0.921" (EUR) or "146.5" (JPY). */
export const RatePerUsdSchema = z
  .string()
  .trim()
  .regex(/^\d{1,9}(\.\d{1,6})?$/, {
    message: 'must be a decimal number such as 0.921 (up to 6 decimals)',
    abort: true,
  })
  .refine((rate) => Number(rate) > 0, { message: 'must be more than 0' });

/** "1234.5" (EUR) → 123450; refuses more decimals than the currency has. */
export const toMinor = (decimal: string, currency: string): number => {
  const digits = minorDigits(currency);
  if (!/^\d+(\.\d+)?$/.test(decimal.trim())) throw new Error(`not an amount: ${decimal}`);
  const value = new Big(decimal.trim());
  const minor = value.times(new Big(10).pow(digits));
  if (!minor.eq(minor.round(0, Big.roundDown))) {
    throw new Error(`${currency} has ${digits} decimals; ${decimal} has more`);
  }
  return Number(minor.toFixed(0));
};

/** 123450 (EUR) → "1234.50". */
export const toDecimalString = (minor: number, currency: string): string =>
  new Big(minor).div(new Big(10).pow(minorDigits(currency))).toFixed(minorDigits(currency));

/**
 * The amount in US cents at `ratePerUsd` units of the currency per dollar, rounded half to even
 * (so that rounding errors do not drift one way over many conversions).
 */
export const toUsdMinor = (minor: number, currency: string, ratePerUsd: string): number => {
  if (currency === 'USD') return minor;
  const units = new Big(minor).div(new Big(10).pow(minorDigits(currency)));
  return Number(units.div(new Big(ratePerUsd)).times(100).round(0, Big.roundHalfEven).toFixed(0));
};

/** The sum of amounts in one currency (refuses to add apples and pears). */
export const sumMinor = (amounts: readonly Money[], currency: string): number =>
  amounts.reduce((total, amount) => {
    if (amount.currency !== currency) throw new Error(`cannot add ${amount.currency} to ${currency}`);
    const sum = total + amount.minor;
    if (!Number.isSafeInteger(sum)) throw new Error('sum beyond what can be counted exactly');
    return sum;
  }, 0);

/** A USD equivalent with what it was worked out from, kept beside the original amount. */
export const UsdEquivalentSchema = z.object({
  /** US cents. */
  minor: MinorAmountSchema,
  ratePerUsd: z.string(),
  /** The month of the UN operational rate used (YYYY-MM), or null when the rate was given by hand. */
  rateMonth: z.string().nullable(),
});
export type UsdEquivalent = z.infer<typeof UsdEquivalentSchema>;

// --- Percentages (allocations) ------------------------------------------------------------------

/** A share of 100 with at most two decimals, e.g. 33.33. */
export const PercentSchema = z
  .number({ message: 'must be a percentage' })
  .min(0.01, { message: 'must be more than 0' })
  .max(100, { message: 'must be at most 100' })
  .refine((p) => Math.abs(p * 100 - Math.round(p * 100)) < 1e-9, { message: 'must have at most 2 decimals' });

/** A percentage in hundredths (33.33 → 3333): what sums are computed on, exactly. */
export const hundredths = (percent: number): number => Math.round(percent * 100);

/** Do these shares make exactly 100 %? */
export const sumsTo100 = (percents: readonly number[]): boolean =>
  percents.reduce((total, p) => total + hundredths(p), 0) === 10_000;

/**
 * Splits 100 % into `n` shares of at most two decimals that sum to exactly 100 (largest remainder:
 * 3 → 33.34, 33.33, 33.33).
 */
export const evenShares = (n: number): number[] => {
  if (n < 1) return [];
  const base = Math.floor(10_000 / n);
  const rest = 10_000 - base * n;
  return Array.from({ length: n }, (_, i) => (base + (i < rest ? 1 : 0)) / 100);
};
