import { describe, expect, it } from 'vitest';
import { mean, median, medianRound, percentile, percentileOfSorted, relativeTo, summarize } from './stats';

describe('percentile', () => {
  it('interpolates linearly between closest ranks (R-7)', () => {
    const values = [1, 2, 3, 4];
    expect(percentile(values, 0)).toBe(1);
    expect(percentile(values, 100)).toBe(4);
    expect(percentile(values, 50)).toBe(2.5);
    expect(percentile(values, 25)).toBeCloseTo(1.75, 10);
    expect(percentile(values, 99)).toBeCloseTo(3.97, 10);
  });

  it('does not depend on input order and leaves the input alone', () => {
    const values = [9, 1, 5, 3, 7];
    expect(percentile(values, 50)).toBe(5);
    expect(values).toEqual([9, 1, 5, 3, 7]);
  });

  it('p99 of 1..100 is close to the top, p50 is the middle', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50.5);
    expect(percentile(values, 99)).toBeCloseTo(99.01, 10);
  });

  it('a single value is every percentile', () => {
    expect(percentile([42], 0)).toBe(42);
    expect(percentile([42], 99)).toBe(42);
  });

  it('ignores non-finite values and rejects empty input or a bad p', () => {
    expect(percentile([Number.NaN, 2, Number.POSITIVE_INFINITY, 4], 50)).toBe(3);
    expect(() => percentile([], 50)).toThrow(RangeError);
    expect(() => percentile([Number.NaN], 50)).toThrow(RangeError);
    expect(() => percentileOfSorted([1, 2], 101)).toThrow(RangeError);
    expect(() => percentileOfSorted([1, 2], -1)).toThrow(RangeError);
  });
});

describe('median and mean', () => {
  it('median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('mean', () => {
    expect(mean([1, 2, 3, 6])).toBe(3);
  });
});

describe('summarize', () => {
  it('reports count, extremes, mean and percentiles', () => {
    const summary = summarize([5, 1, 4, 2, 3]);
    expect(summary).toEqual({
      count: 5,
      min: 1,
      mean: 3,
      p50: 3,
      p90: 4.6,
      p99: expect.closeTo(4.96, 10),
      max: 5,
    });
  });
});

describe('medianRound', () => {
  it('picks the round whose key is the median, as it happened', () => {
    const rounds = [
      { round: 1, rps: 900 },
      { round: 2, rps: 1200 },
      { round: 3, rps: 1000 },
    ];
    expect(medianRound(rounds, (r) => r.rps)).toEqual({ round: 3, rps: 1000 });
  });

  it('takes the lower middle round for an even count and rejects no rounds', () => {
    expect(medianRound([4, 1, 3, 2], (x) => x)).toBe(2);
    expect(() => medianRound([], (x: number) => x)).toThrow(RangeError);
  });
});

describe('relativeTo', () => {
  it('is the signed distance from the limit in percent', () => {
    expect(relativeTo(24, 20)).toBeCloseTo(20, 10);
    expect(relativeTo(15, 20)).toBeCloseTo(-25, 10);
  });
});
