import type { PartnerImportOutcome } from '@pardev/contracts';

/** One page of an import's rows, optionally only those with one outcome. */
export interface ImportRowsQuery {
  outcome?: PartnerImportOutcome | undefined;
  page: number;
  pageSize: number;
}

export const importKeys = {
  all: ['partner-imports'] as const,
  detail: (id: string) => [...importKeys.all, 'detail', id] as const,
  rowsOf: (id: string) => [...importKeys.all, 'rows', id] as const,
  rows: (id: string, query: ImportRowsQuery) => [...importKeys.rowsOf(id), query] as const,
};
