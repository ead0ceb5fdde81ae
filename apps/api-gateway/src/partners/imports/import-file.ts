import {
  ErrorCode,
  PARTNER_IMPORT_MAX_ROWS,
  PartnerExportOnlyHeaders,
  PartnerImportHeaders,
  importFieldOfHeader,
  type FieldError,
  type PartnerImportField,
  type PartnerImportRowInput,
} from '@pardev/contracts';
import { DomainError } from '@pardev/messaging';
import { parse } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A spreadsheet of 20,000 partners with long notes stays well under this. */
export const IMPORT_FILE_LIMIT_BYTES = 10 * 1024 * 1024;
const MAX_CELL = 10_000;

/** A file read into what partners-service stages: the columns it understood and its non-empty rows. */
export interface ImportFile {
  readonly format: 'csv' | 'xlsx';
  readonly columns: PartnerImportField[];
  readonly ignoredColumns: string[];
  readonly rows: PartnerImportRowInput[];
}

const fileProblem = (message: string, errors: FieldError[] = []): DomainError =>
  new DomainError(ErrorCode.ValidationFailed, message, errors);

/** csv or xlsx, by the content type, else by the file name's extension. */
export const importFormatOf = (contentType: string | undefined, fileName: string): 'csv' | 'xlsx' => {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === XLSX_CONTENT_TYPE) return 'xlsx';
  if (type === 'text/csv') return 'csv';
  if (/\.xlsx$/i.test(fileName)) return 'xlsx';
  if (/\.(csv|txt)$/i.test(fileName)) return 'csv';
  throw fileProblem('the file must be CSV (.csv) or Excel (.xlsx)', [
    { field: 'file', rule: 'format', message: 'must be a .csv or .xlsx file' },
  ]);
};

// Excel on Windows saves "CSV" in the ANSI code page; anything that is not valid UTF-8 is read so.
const decode = (bytes: Buffer): string => {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
};

// A French or Spanish Excel separates with semicolons; some tools with tabs.
const delimiterOf = (text: string): string => {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((d) => [d, unquoted.split(d).length - 1] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
};

const readCsv = (bytes: Buffer): string[][] => {
  const text = decode(bytes).replace(/^\uFEFF/, '');
  try {
    return parse(text, {
      delimiter: delimiterOf(text),
      relax_column_count: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw fileProblem(
      `the file is not valid CSV${line ? ` (near line ${line})` : ''}: ${(error as Error).message}`,
    );
  }
};

const cellText = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
};

const readXlsx = async (bytes: Buffer): Promise<string[][]> => {
  try {
    const rows = await readSheet(bytes);
    return rows.map((row) => row.map(cellText));
  } catch (error) {
    throw fileProblem(`the file is not a readable Excel workbook: ${(error as Error).message}`);
  }
};

// Our own export defuses text a spreadsheet would run as a formula with a leading quote; undo that.
const undefused = (cell: string): string => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

/**
 * Reads the first sheet (xlsx) or the file (csv): the header row says which column is which field
 * (see PartnerImportHeaders); each later non-empty row becomes one row to stage, numbered as a
 * spreadsheet numbers it. Problems with the file as a whole are refused here, with what to fix.
 */
export const readImportFile = async (bytes: Buffer, format: 'csv' | 'xlsx'): Promise<ImportFile> => {
  if (bytes.length === 0) throw fileProblem('the file is empty');
  const table = format === 'csv' ? readCsv(bytes) : await readXlsx(bytes);
  const header = table[0] ?? [];
  const columns: PartnerImportField[] = [];
  const ignoredColumns: string[] = [];
  const fieldAt = new Map<number, PartnerImportField>();
  const readPast = new Set(PartnerExportOnlyHeaders.map((h) => h.toLowerCase()));
  header.forEach((raw, index) => {
    const title = raw.trim();
    if (!title) return;
    const field = importFieldOfHeader(title);
    if (!field) {
      if (!readPast.has(title.toLowerCase())) ignoredColumns.push(title);
      return;
    }
    if (columns.includes(field)) {
      throw fileProblem(`two columns are both "${PartnerImportHeaders[field]}"`, [
        { field: 'file', rule: 'duplicate_column', message: `has "${title}" twice` },
      ]);
    }
    columns.push(field);
    fieldAt.set(index, field);
  });
  if (!columns.includes('name')) {
    throw fileProblem(
      `the first row must name the columns, among them "${PartnerImportHeaders.name}" (the list's export is a template)`,
      [{ field: 'file', rule: 'name_column', message: `has no "${PartnerImportHeaders.name}" column` }],
    );
  }

  const rows: PartnerImportRowInput[] = [];
  for (let index = 1; index < table.length; index++) {
    const cells = table[index]!;
    if (cells.every((cell) => cell.trim() === '')) continue;
    const values: PartnerImportRowInput['values'] = {};
    for (const [column, field] of fieldAt) {
      const cell = undefused(cells[column] ?? '');
      if (cell.length > MAX_CELL) {
        throw fileProblem(
          `row ${index + 1}, column "${PartnerImportHeaders[field]}" is longer than ${MAX_CELL} characters`,
        );
      }
      values[field] = cell;
    }
    rows.push({ rowNumber: index + 1, values });
  }
  if (rows.length > PARTNER_IMPORT_MAX_ROWS) {
    throw fileProblem(
      `the file has ${rows.length} rows; import at most ${PARTNER_IMPORT_MAX_ROWS} at a time (split the file)`,
    );
  }
  return { format, columns, ignoredColumns, rows };
};
