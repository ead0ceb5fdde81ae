import writeXlsxFile from 'write-excel-file/node';
import type { TableColumn } from './csv';

type CellValue = ReturnType<TableColumn<unknown>['value']>;

// Excel cells hold text as text (no formula is ever written), lists joined as in the CSV export.
const cell = (value: CellValue) => {
  if (value === null) return null;
  if (Array.isArray(value)) return { value: value.join('; ') };
  if (typeof value === 'number') return { value, type: Number };
  return { value: String(value) };
};

/** An Excel workbook of one sheet: a bold header row, then one row per item. */
export const toXlsx = async <T>(
  rows: readonly T[],
  columns: readonly TableColumn<T>[],
  sheet: string,
): Promise<Buffer> =>
  writeXlsxFile(
    [
      columns.map((column) => ({ value: column.header, fontWeight: 'bold' as const })),
      ...rows.map((row) => columns.map((column) => cell(column.value(row)))),
    ],
    { sheet, stickyRowsCount: 1 },
  ).toBuffer();
