// Small, dependency-free statistics for the bench: percentiles of latency samples and the median of
// rounds. Percentiles use linear interpolation between closest ranks (R-7, the default of NumPy and
// Excel's PERCENTILE.INC), so p50 of an even-sized sample is the mean of the two middle values.

const finite = (values: readonly number[]): number[] => {
  const result = values.filter((value) => Number.isFinite(value));
  if (result.length === 0) throw new RangeError('no finite values');
  return result;
};

/** `p` in [0, 100] of already ascending-sorted values. */
export const percentileOfSorted = (sorted: readonly number[], p: number): number => {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be within 0..100, got ${p}`);
  if (sorted.length === 0) throw new RangeError('no values');
  const rank = (p / 100) * (sorted.length - 1);
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  const low = sorted[lower]!;
  const high = sorted[upper]!;
  return low + (high - low) * (rank - lower);
};

/** `p` in [0, 100] of values in any order (non-finite values are ignored). */
export const percentile = (values: readonly number[], p: number): number =>
  percentileOfSorted(
    [...finite(values)].sort((a, b) => a - b),
    p,
  );

export const median = (values: readonly number[]): number => percentile(values, 50);

export const mean = (values: readonly number[]): number => {
  const list = finite(values);
  return list.reduce((sum, value) => sum + value, 0) / list.length;
};

export interface Summary {
  readonly count: number;
  readonly min: number;
  readonly mean: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
}

export const summarize = (values: readonly number[]): Summary => {
  const sorted = [...finite(values)].sort((a, b) => a - b);
  return {
    count: sorted.length,
    min: sorted[0]!,
    mean: sorted.reduce((sum, value) => sum + value, 0) / sorted.length,
    p50: percentileOfSorted(sorted, 50),
    p90: percentileOfSorted(sorted, 90),
    p99: percentileOfSorted(sorted, 99),
    max: sorted[sorted.length - 1]!,
  };
};

/**
 * The round whose `key` is the median of all rounds (the lower middle one for an even count), so a
 * reported round is one that really happened rather than a mix of several.
 */
export const medianRound = <T>(rounds: readonly T[], key: (round: T) => number): T => {
  if (rounds.length === 0) throw new RangeError('no rounds');
  const ordered = [...rounds].sort((a, b) => key(a) - key(b));
  return ordered[Math.floor((ordered.length - 1) / 2)]!;
};

/** How far `actual` is from `limit`, as a signed percentage of the limit (+ = above the limit). */
export const relativeTo = (actual: number, limit: number): number => ((actual - limit) / limit) * 100;
