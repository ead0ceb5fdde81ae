import { Big } from 'big.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CurrencyCodeList,
  CurrencyCodeSchema,
  evenShares,
  hundredths,
  minorDigits,
  sumsTo100,
  toDecimalString,
  toMinor,
  toUsdMinor,
} from './money';

const currency = fc.constantFrom(...CurrencyCodeList.filter((c) => c !== 'USD'));
const minor = fc.integer({ min: 0, max: 10 ** 13 });
// UN operational rates range from about 0.3 (KWD) to about 40,000 (IRR), with up to 6 decimals.
const rate = fc
  .tuple(fc.integer({ min: 1, max: 40_000 }), fc.integer({ min: 0, max: 999_999 }))
  .map(([units, micro]) => `${units - 1}.${String(micro).padStart(6, '0')}`)
  .filter((r) => Number(r) >= 0.3);

describe('money', () => {
  it('knows the minor unit of each currency, and refuses codes that are not ISO 4217 in use', () => {
    expect([minorDigits('EUR'), minorDigits('JPY'), minorDigits('KWD')]).toEqual([2, 0, 3]);
    expect(CurrencyCodeSchema.safeParse('eur').data).toBe('EUR');
    expect(CurrencyCodeSchema.safeParse('EEK').success).toBe(false); // withdrawn in 2011
    expect(CurrencyCodeSchema.safeParse('XXX').success).toBe(false);
  });

  it('reads and writes decimal amounts exactly, and refuses more decimals than the currency has', () => {
    expect(toMinor('1234.5', 'EUR')).toBe(123_450);
    expect(toMinor('1000', 'JPY')).toBe(1000);
    expect(() => toMinor('10.5', 'JPY')).toThrow(/0 decimals/);
    expect(toDecimalString(123_450, 'EUR')).toBe('1234.50');
    fc.assert(
      fc.property(currency, minor, (code, amount) => {
        expect(toMinor(toDecimalString(amount, code), code)).toBe(amount);
      }),
    );
  });

  it('converts to US cents as exact decimal arithmetic rounded half to even would', () => {
    expect(toUsdMinor(1_000_000, 'EUR', '0.921')).toBe(1_085_776); // 10,000 EUR / 0.921 = 10,857.7633…
    expect(toUsdMinor(5, 'EUR', '2')).toBe(2); // 0.025 USD → 0.02 (half to even)
    expect(toUsdMinor(7, 'EUR', '2')).toBe(4); // 0.035 USD → 0.04
    expect(toUsdMinor(123, 'USD', '1')).toBe(123);
    fc.assert(
      fc.property(currency, minor, rate, (code, amount, r) => {
        const exact = new Big(amount)
          .div(new Big(10).pow(minorDigits(code)))
          .div(r)
          .times(100);
        const usd = toUsdMinor(amount, code, r);
        expect(Number.isInteger(usd)).toBe(true);
        expect(new Big(usd).minus(exact).abs().lte(0.5)).toBe(true);
      }),
    );
  });

  it('keeps sums honest: converting a sum differs from summing conversions by at most half a cent per part', () => {
    fc.assert(
      fc.property(currency, fc.array(minor, { minLength: 1, maxLength: 20 }), rate, (code, parts, r) => {
        const total = parts.reduce((a, b) => a + b, 0);
        const ofSum = toUsdMinor(total, code, r);
        const sumOf = parts.reduce((a, p) => a + toUsdMinor(p, code, r), 0);
        expect(Math.abs(ofSum - sumOf)).toBeLessThanOrEqual(Math.ceil(parts.length / 2));
      }),
    );
  });

  it('grows with the amount and shrinks with the rate', () => {
    fc.assert(
      fc.property(currency, minor, minor, rate, (code, a, b, r) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(toUsdMinor(low, code, r)).toBeLessThanOrEqual(toUsdMinor(high, code, r));
      }),
    );
  });
});

describe('percentages', () => {
  it('sums shares of two decimals exactly (no 33.33 + 33.33 + 33.34 float drift)', () => {
    expect(0.1 + 0.2 === 0.3).toBe(false);
    expect(sumsTo100([33.33, 33.33, 33.34])).toBe(true);
    expect(sumsTo100([33.33, 33.33, 33.33])).toBe(false);
    expect(hundredths(12.34)).toBe(1234);
  });

  it('splits 100 % into n shares that always sum to exactly 100 and differ by at most 0.01', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), (n) => {
        const shares = evenShares(n);
        expect(shares).toHaveLength(n);
        expect(sumsTo100(shares)).toBe(true);
        const spread = Math.max(...shares.map(hundredths)) - Math.min(...shares.map(hundredths));
        expect(spread).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('recognises any split into hundredths that sums to 10,000 as complete, and none other', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 12 }), (parts) => {
        const percents = parts.map((h) => h / 100);
        expect(sumsTo100(percents)).toBe(parts.reduce((a, b) => a + b, 0) === 10_000);
      }),
    );
  });
});
