import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
  const columns = [
    { header: 'Name', value: (r: { name: string; tags: string[] }) => r.name },
    { header: 'Tags', value: (r: { name: string; tags: string[] }) => r.tags },
  ];

  it('writes a BOM, a header row and CRLF lines, quoting what needs it', () => {
    expect(
      toCsv([{ name: 'Ministère "des" Affaires, étrangères', tags: ['sstc', 'pooled fund'] }], columns),
    ).toBe('\uFEFFName,Tags\r\n"Ministère ""des"" Affaires, étrangères","sstc; pooled fund"\r\n');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    const csv = toCsv([{ name: '=HYPERLINK("http://x")', tags: ['+1', '@a'] }], columns);
    expect(csv.split('\r\n')[1]).toBe(`"'=HYPERLINK(""http://x"")","'+1; @a"`);
  });

  it('writes empty cells for nulls and only the header for no rows', () => {
    expect(toCsv([], columns)).toBe('\uFEFFName,Tags\r\n');
  });
});
