import { z } from 'zod';
import { FieldErrorSchema, type FieldError, toFieldErrors } from '../common/problem';
import { IdSchema, IsoInstantSchema, PageQuerySchema, pageOf } from '../common/primitives';
import { RegisterPartnerRequestSchema } from './partner.contracts';

/*
 * Importing partners from a spreadsheet (CSV or Excel): the file's rows are staged in partners-service,
 * a dry run says for each row what would happen (create, update, skip) or why it cannot (errors with
 * the row number and the field), and applying writes the rows that can be written.
 */

/** The profile fields a spreadsheet can set, with the column headers that name them. */
export const PartnerImportFields = [
  'id',
  'name',
  'acronym',
  'legalName',
  'iatiIdentifier',
  'organisationType',
  'category',
  'ownership',
  'country',
  'status',
  'tags',
  'notes',
] as const;
export type PartnerImportField = (typeof PartnerImportFields)[number];
export const PartnerImportFieldSchema = z.enum(PartnerImportFields);

/**
 * Column headers, as the export writes them (so an export comes back in as it went out); the field
 * names themselves are accepted too. Matching ignores case, spaces and punctuation.
 */
export const PartnerImportHeaders: Readonly<Record<PartnerImportField, string>> = {
  id: 'Id',
  name: 'Name',
  acronym: 'Acronym',
  legalName: 'Legal name',
  iatiIdentifier: 'IATI identifier',
  organisationType: 'IATI organisation type',
  category: 'ILO category',
  ownership: 'Public or private',
  country: 'Country',
  status: 'Status',
  tags: 'Tags',
  notes: 'Notes',
};

/** Columns of the export that are worked out by the platform: an import reads past them. */
export const PartnerExportOnlyHeaders = [
  'ILO region',
  'Blocked for new agreements',
  'Responsible officer',
  'Last changed',
] as const;

const headerKey = (header: string): string => header.toLowerCase().replace(/[^a-z0-9]/g, '');
const fieldByHeader = new Map<string, PartnerImportField>(
  PartnerImportFields.flatMap((field) => [
    [headerKey(PartnerImportHeaders[field]), field],
    [headerKey(field), field],
  ]),
);

/** The field a column header names, if any. */
export const importFieldOfHeader = (header: string): PartnerImportField | undefined =>
  fieldByHeader.get(headerKey(header));

/** One row of the file: its number as a spreadsheet shows it (the header is row 1) and its cells. */
export const PartnerImportRowInputSchema = z.object({
  rowNumber: z.number().int().min(2),
  values: z.partialRecord(PartnerImportFieldSchema, z.string().max(10_000)),
});
export type PartnerImportRowInput = z.infer<typeof PartnerImportRowInputSchema>;

/** More rows than this is a job for a migration, not a spreadsheet. */
export const PARTNER_IMPORT_MAX_ROWS = 20_000;
/** Rows per staging message, well under the broker's message size. */
export const PARTNER_IMPORT_CHUNK_ROWS = 1_000;

export const PartnerImportFormats = ['csv', 'xlsx'] as const;

export const StartPartnerImportRequestSchema = z.object({
  fileName: z.string().trim().min(1).max(255),
  format: z.enum(PartnerImportFormats),
  /** The fields the file has columns for, in file order; fields without a column stay as they are. */
  columns: z.array(PartnerImportFieldSchema).min(1),
  /** Headers that name no field (read past, and listed so that the person can see it). */
  ignoredColumns: z.array(z.string().max(200)).max(200),
  rowCount: z.number().int().min(0).max(PARTNER_IMPORT_MAX_ROWS),
});
export type StartPartnerImportRequest = z.input<typeof StartPartnerImportRequestSchema>;

export const StagePartnerImportRowsRequestSchema = z.object({
  importId: IdSchema,
  rows: z.array(PartnerImportRowInputSchema).min(1).max(PARTNER_IMPORT_CHUNK_ROWS),
});

export const PartnerImportRequestSchema = z.object({ importId: IdSchema });

/** What the dry run decided for a row; after applying: what happened to it. */
export const PartnerImportOutcomes = [
  'CREATE',
  'UPDATE',
  'SKIP',
  'ERROR',
  'CREATED',
  'UPDATED',
  'FAILED',
] as const;
export const PartnerImportOutcomeSchema = z.enum(PartnerImportOutcomes);
export type PartnerImportOutcome = z.infer<typeof PartnerImportOutcomeSchema>;

export const ListPartnerImportRowsQuerySchema = PageQuerySchema.extend({
  outcome: PartnerImportOutcomeSchema.optional(),
});
export const ListPartnerImportRowsRequestSchema = ListPartnerImportRowsQuerySchema.extend({
  importId: IdSchema,
});

export const PartnerImportRowSchema = z.object({
  rowNumber: z.number().int(),
  outcome: PartnerImportOutcomeSchema.nullable(),
  /** The cells as read from the file. */
  values: z.partialRecord(PartnerImportFieldSchema, z.string()),
  /** The partner the row updates, or the one it created. */
  partnerId: IdSchema.nullable(),
  /** For an update: the fields whose value changes. */
  changedFields: z.array(PartnerImportFieldSchema),
  /** Why the row cannot be imported (dry run), or why writing it failed (apply). */
  errors: z.array(FieldErrorSchema),
});
export type PartnerImportRow = z.infer<typeof PartnerImportRowSchema>;
export const PartnerImportRowPageSchema = pageOf(PartnerImportRowSchema);
export type PartnerImportRowPage = z.infer<typeof PartnerImportRowPageSchema>;

/** STAGED: rows arriving; READY: dry run done; APPLYING: being written; DONE: written. */
export const PartnerImportStatuses = ['STAGED', 'READY', 'APPLYING', 'DONE'] as const;

const outcomeCounts = z.object({
  create: z.number().int().min(0),
  update: z.number().int().min(0),
  skip: z.number().int().min(0),
  error: z.number().int().min(0),
});

export const PartnerImportSchema = z.object({
  id: IdSchema,
  fileName: z.string(),
  format: z.enum(PartnerImportFormats),
  status: z.enum(PartnerImportStatuses),
  columns: z.array(PartnerImportFieldSchema),
  ignoredColumns: z.array(z.string()),
  rowCount: z.number().int().min(0),
  /** What the dry run found. */
  planned: outcomeCounts,
  /** While and after applying: rows written so far of those to write, and how it went. */
  progress: z.object({
    done: z.number().int().min(0),
    total: z.number().int().min(0),
    created: z.number().int().min(0),
    updated: z.number().int().min(0),
    failed: z.number().int().min(0),
  }),
  createdBy: IdSchema,
  createdAt: IsoInstantSchema,
  checkedAt: IsoInstantSchema.nullable(),
  appliedAt: IsoInstantSchema.nullable(),
  finishedAt: IsoInstantSchema.nullable(),
});
export type PartnerImport = z.infer<typeof PartnerImportSchema>;

export const StagedRowsSchema = z.object({ importId: IdSchema, staged: z.number().int().min(0) });

// --- Reading one row ----------------------------------------------------------------------------

const blank = (value: string | undefined): boolean => value === undefined || value.trim() === '';
const orNull = (value: string | undefined): string | null => (blank(value) ? null : value!.trim());
/** "Private sector", "private-sector" and "PRIVATE_SECTOR" all name the code PRIVATE_SECTOR. */
const asCode = (value: string | undefined): string | null =>
  blank(value)
    ? null
    : value!
        .trim()
        .toUpperCase()
        .replace(/[\s-]+/g, '_');

/** A row's cells turned into the profile they describe, before validation. */
export const profileFromCells = (
  values: Partial<Record<PartnerImportField, string>>,
): Record<string, unknown> => {
  const profile: Record<string, unknown> = {};
  const set = (field: PartnerImportField, value: unknown) => {
    if (field in values) profile[field] = value;
  };
  set('name', orNull(values.name) ?? '');
  set('acronym', orNull(values.acronym));
  set('legalName', orNull(values.legalName));
  set('iatiIdentifier', orNull(values.iatiIdentifier));
  set('organisationType', orNull(values.organisationType));
  set('category', asCode(values.category));
  // Blank: the default for the category on a new partner, the current value on an update.
  if (!blank(values.ownership)) set('ownership', asCode(values.ownership));
  set('country', asCode(values.country));
  if (!blank(values.status)) set('status', asCode(values.status));
  set(
    'tags',
    blank(values.tags)
      ? []
      : values
          .tags!.split(/[;,]/)
          .map((tag) => tag.trim())
          .filter(Boolean),
  );
  set('notes', orNull(values.notes));
  return profile;
};

export type ImportedProfile = z.output<typeof RegisterPartnerRequestSchema>;

/**
 * A row as a partner profile, checked with the same schema as the registration form; every problem
 * is named by its field. For an update, `current` is the partner's profile now: fields the file has
 * no column for keep their value. The id column is read apart: it says which partner the row updates.
 */
export const readImportRow = (
  values: Partial<Record<PartnerImportField, string>>,
  current: Partial<Record<PartnerImportField, unknown>> = {},
):
  | { readonly ok: true; readonly id: string | null; readonly profile: ImportedProfile }
  | { readonly ok: false; readonly errors: FieldError[] } => {
  const errors: FieldError[] = [];
  const id = orNull(values.id);
  if (id !== null && !IdSchema.safeParse(id).success) {
    errors.push({ field: 'id', rule: 'uuid', message: 'must be the Id of a partner, as exported' });
  }
  const { id: _id, ...currentProfile } = current;
  const parsed = RegisterPartnerRequestSchema.safeParse({ ...currentProfile, ...profileFromCells(values) });
  if (!parsed.success) errors.push(...toFieldErrors(parsed.error));
  if (errors.length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, id, profile: parsed.data };
};
