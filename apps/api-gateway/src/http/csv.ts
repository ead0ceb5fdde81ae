/** One column of an export (CSV or Excel): its header and how to read the cell from a row. */
export interface TableColumn<T> {
  readonly header: string;
  readonly value: (row: T) => string | number | boolean | null | readonly string[];
}

// A cell a spreadsheet would run as a formula (OWASP "CSV injection") is prefixed with a quote.
const FORMULA = /^[=+\-@\t\r]/;

const cell = (value: string | number | boolean | null | readonly string[]): string => {
  if (value === null) return '';
  const text = Array.isArray(value) ? value.join('; ') : String(value);
  const safe = FORMULA.test(text) ? `'${text}` : text;
  return /[",\r\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/**
 * RFC 4180 CSV (CRLF line ends), with a UTF-8 byte-order mark so that Excel reads accents right;
 * list values are joined with "; ".
 */
export const toCsv = <T>(rows: readonly T[], columns: readonly TableColumn<T>[]): string =>
  '\uFEFF' +
  [columns.map((c) => cell(c.header)), ...rows.map((row) => columns.map((c) => cell(c.value(row))))]
    .map((cells) => cells.join(','))
    .join('\r\n') +
  '\r\n';
