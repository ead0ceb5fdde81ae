import type { z } from 'zod';

export const PageSizes = [10, 20, 50, 100] as const;
export const DefaultPageSize = 20;
export const SearchDebounceMs = 300;

/** A searchable, paged list's view as it lives in the URL. */
export interface ListParams {
  q: string;
  page: number;
  pageSize: number;
}

/** A list query contract: page, pageSize and an optional search text `q`. */
type ListQuerySchema = z.ZodType<{ q?: string | undefined; page: number; pageSize: number }> & {
  readonly shape: { readonly q: z.ZodType<string | undefined> };
};

/** Reads the list view from the URL with the contract's own rules; nonsense falls back to defaults. */
export const readListParams = (search: URLSearchParams, schema: ListQuerySchema): ListParams => {
  const raw = {
    q: search.get('q') ?? undefined,
    page: search.get('page') ?? undefined,
    pageSize: search.get('pageSize') ?? undefined,
  };
  const parsed = schema.safeParse(raw);
  if (parsed.success) {
    return { q: parsed.data.q ?? '', page: parsed.data.page, pageSize: parsed.data.pageSize };
  }
  const q = schema.shape.q.safeParse(raw.q);
  return { q: (q.success ? q.data : undefined) ?? '', page: 1, pageSize: DefaultPageSize };
};

type ParamValue = string | number | undefined;

/** Sets each changed parameter, dropping it when it is empty or its default; `undefined` leaves it as is. */
const writeParams = (
  current: URLSearchParams,
  changes: Readonly<Record<string, ParamValue>>,
  defaults: Readonly<Record<string, string | number>> = {},
): URLSearchParams => {
  const next = new URLSearchParams(current);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    if (value === '' || value === defaults[key]) next.delete(key);
    else next.set(key, String(value));
  }
  return next;
};

/** Writes a list view to the URL, leaving defaults out so shared links stay short. */
export const writeListParams = (current: URLSearchParams, changes: Partial<ListParams>): URLSearchParams =>
  writeParams(current, changes, { q: '', page: 1, pageSize: DefaultPageSize });

/** The contract field of each filter a list keeps in the URL (e.g. `ListPartnersQuerySchema.shape.assignedTo`). */
export type FilterSchemas = Readonly<Record<string, z.ZodType<string | undefined>>>;

/** Filter values as read from the URL: `undefined` where the filter is absent or not valid. */
export type FilterValues<S extends FilterSchemas> = { [K in keyof S]: string | undefined };

/** Reads a list's filters from the URL, each with its contract field; a value it refuses is dropped. */
export const readFilterParams = <S extends FilterSchemas>(
  search: URLSearchParams,
  schemas: S,
): FilterValues<S> => {
  const values: Partial<Record<keyof S, string | undefined>> = {};
  for (const key of Object.keys(schemas) as (keyof S & string)[]) {
    const parsed = schemas[key]?.safeParse(search.get(key) ?? undefined);
    values[key] = parsed?.success ? parsed.data || undefined : undefined;
  }
  return values as FilterValues<S>;
};

/**
 * Writes filters to the URL: an empty value removes the filter, `undefined` leaves it as is. A list
 * starts again from its first page whenever a filter changes.
 */
export const writeFilterParams = (
  current: URLSearchParams,
  changes: Readonly<Record<string, string | undefined>>,
): URLSearchParams => writeParams(writeListParams(current, { page: 1 }), changes);
