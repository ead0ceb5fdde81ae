/** One amount of a list typed by period (a project's budget by year, its spending by month). */
export interface AmountRow {
  /** Keeps each row's inputs while rows are added and removed. */
  key: number;
  /** A year ("2026") or a month ("2026-03"). */
  period: string;
  amount: string;
}

let nextKey = 1;
export const amountRow = (period = '', amount = ''): AmountRow => ({ key: nextKey++, period, amount });
