import { z } from 'zod';
import { IdSchema, IsoInstantSchema } from '../common/primitives';

/** The lists a person can save views of (a view is that list's filters and sort). */
export const SavedViewLists = ['partners'] as const;
export const SavedViewListSchema = z.enum(SavedViewLists, {
  message: `must be one of ${SavedViewLists.join(', ')}`,
});
export type SavedViewList = z.infer<typeof SavedViewListSchema>;

/** At most this many views per person and list: a menu, not a database. */
export const SAVED_VIEWS_PER_LIST = 50;

/**
 * The list's URL query as the admin shows it (`category=DONOR_GOVERNMENT&sort=-updatedAt`), without the
 * page: the same string someone would share as a link.
 */
const ViewQuerySchema = z
  .string()
  .trim()
  .max(2_000)
  .regex(/^[^?#\s]*$/, { message: 'must be a URL query without "?", "#" or spaces' });

export const SaveViewRequestSchema = z.object({
  list: SavedViewListSchema,
  name: z.string().trim().min(1, { message: 'is required' }).max(80),
  query: ViewQuerySchema,
});
export type SaveViewRequest = z.input<typeof SaveViewRequestSchema>;

export const SavedViewSchema = z.object({
  id: IdSchema,
  list: SavedViewListSchema,
  name: z.string(),
  query: z.string(),
  createdAt: IsoInstantSchema,
});
export type SavedView = z.infer<typeof SavedViewSchema>;

export const SavedViewsQuerySchema = z.object({ list: SavedViewListSchema });
export const SavedViewListResponseSchema = z.object({ items: z.array(SavedViewSchema) });
export type SavedViews = z.infer<typeof SavedViewListResponseSchema>;
export const SavedViewIdParamsSchema = z.object({ id: IdSchema });
