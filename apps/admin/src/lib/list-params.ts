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

/** Writes a list view to the URL, leaving defaults out so shared links stay short. */
export const writeListParams = (current: URLSearchParams, changes: Partial<ListParams>): URLSearchParams => {
  const next = new URLSearchParams(current);
  const set = (key: string, value: string | number | undefined, fallback: string | number) => {
    if (value === undefined) return;
    if (value === '' || value === fallback) next.delete(key);
    else next.set(key, String(value));
  };
  set('q', changes.q, '');
  set('page', changes.page, 1);
  set('pageSize', changes.pageSize, DefaultPageSize);
  return next;
};
