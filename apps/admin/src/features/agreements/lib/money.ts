import { minorDigits, toDecimalString, toMinor } from '@pardev/contracts';
import type { Language } from '../../../i18n/languages';

// Money is integer minor units beside an ISO 4217 code (libs/contracts/src/money). What people
// type is read with toMinor (decimal arithmetic, never floats); what they read is formatted by
// Intl.NumberFormat from the exact decimal string.

const formatters = new Map<string, Intl.NumberFormat>();

const formatterFor = (
  language: Language,
  currency: string,
  digits: number | undefined,
): Intl.NumberFormat => {
  const key = `${language}:${currency}:${digits ?? 'all'}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(language, {
      style: 'currency',
      currency,
      currencyDisplay: 'code',
      ...(digits === undefined ? {} : { minimumFractionDigits: digits, maximumFractionDigits: digits }),
    });
    formatters.set(key, formatter);
  }
  return formatter;
};

// Intl formats a decimal string exactly (no detour through a float).
const formatDecimal = (formatter: Intl.NumberFormat, decimal: string): string =>
  formatter.format(decimal as unknown as number);

const digitsOf = (currency: string): number => {
  try {
    return minorDigits(currency);
  } catch {
    return 2;
  }
};

/** "EUR 1,234.50" / "1 234,50 EUR": an amount in minor units with its currency, in the reader's language. */
export const formatMoney = (minor: number, currency: string, language: Language): string => {
  const digits = digitsOf(currency);
  return formatDecimal(formatterFor(language, currency, digits), toDecimalString(minor, currency));
};

/** Whole units, for totals ("USD 12,345,678"). */
export const formatMoneyWhole = (minor: number, currency: string, language: Language): string => {
  const decimal = toDecimalString(minor, currency);
  const [units = '0', fraction = ''] = decimal.split('.');
  // Half up to the unit, in integers.
  const rounded = fraction !== '' && Number(fraction[0]) >= 5 ? (BigInt(units) + 1n).toString() : units;
  return formatDecimal(formatterFor(language, currency, 0), rounded);
};

/** A plain number in the reader's language (rates, percentages). */
export const formatNumber = (value: string | number, language: Language, maxDigits = 6): string =>
  new Intl.NumberFormat(language, { maximumFractionDigits: maxDigits }).format(value as number);

/**
 * What a person typed as an amount, in minor units: accepts "1234.5", "1 234,50", "1,234.50";
 * undefined when it is not an amount or has more decimals than the currency.
 */
export const parseAmount = (typed: string, currency: string): number | undefined => {
  let text = typed.trim().replace(/[\s\u00a0\u202f']/g, '');
  if (text === '') return undefined;
  const lastComma = text.lastIndexOf(',');
  const lastDot = text.lastIndexOf('.');
  if (lastComma > -1 && lastDot > -1) {
    // The later separator is the decimal one; the other groups thousands.
    text = lastComma > lastDot ? text.replace(/\./g, '').replace(',', '.') : text.replace(/,/g, '');
  } else if (lastComma > -1) {
    const decimals = text.length - lastComma - 1;
    const single = text.indexOf(',') === lastComma;
    // "1,234" in a currency with 2 decimals reads as a thousands separator only when 3 digits follow.
    text = single && decimals !== 3 ? text.replace(',', '.') : text.replace(/,/g, '');
  }
  if (!/^\d+(\.\d+)?$/.test(text)) return undefined;
  try {
    return toMinor(text, currency);
  } catch {
    return undefined;
  }
};

/** An amount in minor units as a person would type it again (for an input's initial value). */
export const amountInputValue = (minor: number, currency: string): string => toDecimalString(minor, currency);
