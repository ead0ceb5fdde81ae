import { readImportRow, type PartnerImport } from '@pardev/contracts';
import { parse } from 'csv-parse/sync';
import { performance } from 'node:perf_hooks';

// Import dry run of a 10,000-row CSV through the gateway (upload → read → staged in chunks over the
// bus → every row planned against the registry → stored), beside the baseline of the same file
// parsed and every row validated with the same schema in this process: the part no design avoids.

export interface ImportBenchResult {
  readonly rows: number;
  readonly runs: number;
  /** Upload to dry-run answer, per run (ms). */
  readonly gatewayMs: readonly number[];
  /** Parse and validate in-process, per run (ms). */
  readonly baselineMs: readonly number[];
  readonly planned: PartnerImport['planned'];
}

const COUNTRIES = ['NO', 'SE', 'DK', 'FI', 'DE', 'FR', 'ES', 'IT', 'CH', 'JP', 'KR', 'BR', 'ZA', 'KE', 'IN'];
const CATEGORIES = ['FOUNDATION', 'PRIVATE_SECTOR', 'GOVERNMENT_OECD_DAC', 'NON_STATE_ACTOR'];
const TYPES = { FOUNDATION: '60', PRIVATE_SECTOR: '70', GOVERNMENT_OECD_DAC: '10', NON_STATE_ACTOR: '21' };

/** A realistic file: mostly new partners, one row in twenty with a mistake (unknown country, no name). */
export const importCsv = (rows: number, run: number): string => {
  const lines = ['Name,Acronym,IATI organisation type,ILO category,Public or private,Country,Tags,Notes'];
  for (let i = 0; i < rows; i++) {
    const category = CATEGORIES[i % CATEGORIES.length] as keyof typeof TYPES;
    const broken = i % 20 === 19;
    const name = broken && i % 40 === 39 ? '' : `"Imported partner ${run}-${i}, ${category.toLowerCase()}"`;
    const country = broken && i % 40 !== 39 ? 'XX' : COUNTRIES[i % COUNTRIES.length];
    lines.push(
      `${name},IP${i},${TYPES[category]},${category},,${country},bench; import ${run},"Notes for row ${i}: met at the donor round table"`,
    );
  }
  return lines.join('\r\n') + '\r\n';
};

const baseline = (csv: string): number => {
  const started = performance.now();
  const [header, ...records] = parse(csv, { bom: true }) as string[][];
  const fields = [
    'name',
    'acronym',
    'organisationType',
    'category',
    'ownership',
    'country',
    'tags',
    'notes',
  ] as const;
  let valid = 0;
  for (const record of records) {
    const values = Object.fromEntries(fields.map((field, i) => [field, record[i] ?? '']));
    if (readImportRow(values).ok) valid++;
  }
  if (header!.length !== fields.length || valid === 0) throw new Error('baseline read nothing');
  return performance.now() - started;
};

export const runImportBench = async (options: {
  readonly baseUrl: string;
  readonly cookie: string;
  readonly rows: number;
  readonly runs: number;
}): Promise<ImportBenchResult> => {
  const gatewayMs: number[] = [];
  const baselineMs: number[] = [];
  let planned: PartnerImport['planned'] = { create: 0, update: 0, skip: 0, error: 0 };
  for (let run = 1; run <= options.runs; run++) {
    const csv = importCsv(options.rows, run);
    baselineMs.push(baseline(csv));
    const started = performance.now();
    const response = await fetch(`${options.baseUrl}/api/v1/partners/imports?fileName=bench-${run}.csv`, {
      method: 'POST',
      headers: { cookie: options.cookie, 'content-type': 'text/csv' },
      body: csv,
    });
    const body = await response.text();
    gatewayMs.push(performance.now() - started);
    if (response.status !== 201) throw new Error(`import dry run answered ${response.status}: ${body}`);
    planned = (JSON.parse(body) as PartnerImport).planned;
  }
  return { rows: options.rows, runs: options.runs, gatewayMs, baselineMs, planned };
};
