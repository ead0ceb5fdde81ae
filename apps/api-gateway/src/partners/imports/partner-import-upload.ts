import { Injectable } from '@nestjs/common';
import { PARTNER_IMPORT_CHUNK_ROWS, type PartnerImport, type PartnerImportRowInput } from '@pardev/contracts';
import { MessageBus, type RequestOptions } from '@pardev/messaging';
import type { ImportFile } from './import-file';

// Keeps each staging message far below the broker's 1 MB (NATS' default max_payload).
const CHUNK_BYTES = 512 * 1024;
// The dry run of 20,000 rows on a busy machine: seconds, not the 5 s of a form's request.
const CHECK_TIMEOUT_MS = 60_000;

/** Rows in messages of at most PARTNER_IMPORT_CHUNK_ROWS rows and about CHUNK_BYTES. */
export const chunksOf = (rows: readonly PartnerImportRowInput[]): PartnerImportRowInput[][] => {
  const chunks: PartnerImportRowInput[][] = [];
  let chunk: PartnerImportRowInput[] = [];
  let bytes = 0;
  for (const row of rows) {
    const size = Buffer.byteLength(JSON.stringify(row));
    if (chunk.length > 0 && (chunk.length >= PARTNER_IMPORT_CHUNK_ROWS || bytes + size > CHUNK_BYTES)) {
      chunks.push(chunk);
      chunk = [];
      bytes = 0;
    }
    chunk.push(row);
    bytes += size;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
};

/** Hands a read file to partners-service: starts the import, stages its rows, runs the dry run. */
@Injectable()
export class PartnerImportUpload {
  constructor(private readonly bus: MessageBus) {}

  async stageAndCheck(fileName: string, file: ImportFile, context: RequestOptions): Promise<PartnerImport> {
    const started = await this.bus.request(
      'partners.import.start',
      {
        fileName,
        format: file.format,
        columns: file.columns,
        ignoredColumns: file.ignoredColumns,
        rowCount: file.rows.length,
      },
      context,
    );
    for (const rows of chunksOf(file.rows)) {
      await this.bus.request('partners.import.stage-rows', { importId: started.id, rows }, context);
    }
    return this.bus.request(
      'partners.import.check',
      { importId: started.id },
      { ...context, timeoutMs: CHECK_TIMEOUT_MS },
    );
  }
}
