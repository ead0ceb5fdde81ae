import { z } from 'zod';
import {
  CountryBoundPartnerCategories,
  IloPartnerCategories,
  IloRegions,
  OrganisationType,
  activeItems,
} from '@pardev/reference-data';
import { iatiOrganisationIdentifierProblem } from './iati-identifier';
import { CountryCodeSchema, IdSchema, IsoInstantSchema, PageQuerySchema, pageOf } from '../common/primitives';

export const PartnerCategorySchema = z.enum(IloPartnerCategories, {
  message: `must be one of ${IloPartnerCategories.join(', ')}`,
});
export type PartnerCategory = z.infer<typeof PartnerCategorySchema>;

const organisationTypeCodes = activeItems(OrganisationType).map((item) => item.code);
// IATI OrganisationType code, e.g. "10" (government), "40" (multilateral).
export const OrganisationTypeSchema = z.enum(organisationTypeCodes as [string, ...string[]], {
  message: `must be an IATI OrganisationType code (${organisationTypeCodes.join(', ')})`,
});

const trimmed = (max: number) => z.string().trim().min(1, { message: 'is required' }).max(max);

const partnerFields = z.object({
  name: trimmed(200),
  acronym: trimmed(30)
    .nullish()
    .transform((v) => v ?? null),
  organisationType: OrganisationTypeSchema,
  category: PartnerCategorySchema,
  country: CountryCodeSchema.nullish().transform((v) => v ?? null),
});

export const Ownerships = ['PUBLIC', 'PRIVATE'] as const;
export const OwnershipSchema = z.enum(Ownerships, { message: 'must be PUBLIC or PRIVATE' });
export type Ownership = z.infer<typeof OwnershipSchema>;
// Without an explicit answer: companies, foundations and other non-State actors are private.
export const defaultOwnership = (category: PartnerCategory): Ownership =>
  category === 'PRIVATE_SECTOR' || category === 'FOUNDATION' || category === 'NON_STATE_ACTOR'
    ? 'PRIVATE'
    : 'PUBLIC';

export const IloRegionSchema = z.enum(IloRegions);

export const IatiOrganisationIdentifierSchema = z
  .string()
  .trim()
  .min(1, { message: 'is required' })
  .max(150)
  .superRefine((identifier, ctx) => {
    const problem = iatiOrganisationIdentifierProblem(identifier);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, params: { rule: 'iati_identifier' } });
  });

// Free labels for grouping ("global accelerator", "pooled fund"): lower-case, each once.
const TagsSchema = z
  .array(z.string().trim().toLowerCase().min(1, { message: 'must not be empty' }).max(40))
  .max(20, { message: 'must have at most 20 tags' })
  .transform((tags) => [...new Set(tags)]);

/** The rest of the profile; on update, a field left out stays as it is. */
const profileExtras = {
  legalName: trimmed(300).nullable(),
  iatiIdentifier: IatiOrganisationIdentifierSchema.nullable(),
  ownership: OwnershipSchema,
  parentPartnerId: IdSchema.nullable(),
  status: z.enum(['PROSPECT', 'ACTIVE', 'INACTIVE'], { message: 'must be PROSPECT, ACTIVE or INACTIVE' }),
  tags: TagsSchema,
  notes: z.string().trim().max(10_000).nullable(),
};
const optionalExtras = z.object(profileExtras).partial();

// A State partner (government, domestic funding) always belongs to a country.
const countryRequiredForCategory = (
  partner: { category: PartnerCategory; country: string | null },
  ctx: z.RefinementCtx,
): void => {
  if (CountryBoundPartnerCategories.includes(partner.category) && !partner.country) {
    ctx.addIssue({
      code: 'custom',
      path: ['country'],
      message: `is required for category ${partner.category}`,
      params: { rule: 'required_for_category' },
    });
  }
};

const VersionSchema = z.number({ message: 'must be a number' }).int().min(1);

// At most ten colleagues, each named once, never the responsible officer again.
const DelegateIdsSchema = z
  .array(IdSchema)
  .max(10, { message: 'must name at most 10 delegates' })
  .refine((ids) => new Set(ids).size === ids.length, { message: 'must not name a delegate twice' });

export const RegisterPartnerRequestSchema = partnerFields
  .extend(optionalExtras.shape)
  .extend({
    // Who manages the relationship. An officer who registers a partner becomes it when this is empty.
    responsibleOfficerId: IdSchema.nullish().transform((v) => v ?? null),
  })
  .superRefine(countryRequiredForCategory);
export type RegisterPartnerRequest = z.input<typeof RegisterPartnerRequestSchema>;
export type RegisterPartnerCommand = z.output<typeof RegisterPartnerRequestSchema>;

/** HTTP body of PUT /partners/:id: the whole profile and the version it was read at. */
export const UpdatePartnerBodySchema = partnerFields
  .extend(optionalExtras.shape)
  .extend({ version: VersionSchema })
  .superRefine(countryRequiredForCategory);
export type UpdatePartnerBody = z.input<typeof UpdatePartnerBodySchema>;
export const UpdatePartnerRequestSchema = partnerFields
  .extend(optionalExtras.shape)
  .extend({ id: IdSchema, version: VersionSchema })
  .superRefine(countryRequiredForCategory);
export type UpdatePartnerCommand = z.output<typeof UpdatePartnerRequestSchema>;

const responsibilityFields = z.object({
  version: VersionSchema,
  responsibleOfficerId: IdSchema.nullable(),
  delegateIds: DelegateIdsSchema,
});
const officerIsNotADelegate = (
  value: { responsibleOfficerId: string | null; delegateIds: string[] },
  ctx: z.RefinementCtx,
): void => {
  if (value.responsibleOfficerId && value.delegateIds.includes(value.responsibleOfficerId)) {
    ctx.addIssue({
      code: 'custom',
      path: ['delegateIds'],
      message: 'must not include the responsible officer',
      params: { rule: 'not_the_responsible_officer' },
    });
  }
};
/** HTTP body of PUT /partners/:id/responsibility. */
export const AssignPartnerBodySchema = responsibilityFields.superRefine(officerIsNotADelegate);
export type AssignPartnerBody = z.input<typeof AssignPartnerBodySchema>;
export const AssignPartnerRequestSchema = responsibilityFields
  .extend({ id: IdSchema })
  .superRefine(officerIsNotADelegate);
export type AssignPartnerCommand = z.output<typeof AssignPartnerRequestSchema>;

// prospect, active, inactive: set by people; blocked: while the due-diligence rules say so
// (a red flag, an expired mandatory check), whatever the status underneath.
export const PartnerStatuses = ['PROSPECT', 'ACTIVE', 'INACTIVE', 'BLOCKED'] as const;
export const PartnerStatusSchema = z.enum(PartnerStatuses, {
  message: `must be one of ${PartnerStatuses.join(', ')}`,
});
export type PartnerStatus = z.infer<typeof PartnerStatusSchema>;

// A partner as it is stored, in replies and in the events that carry its state.
const partnerState = {
  name: z.string(),
  acronym: z.string().nullable(),
  organisationType: z.string(),
  category: PartnerCategorySchema,
  country: z.string().nullable(),
};
const partnerResponsibility = {
  responsibleOfficerId: IdSchema.nullable(),
  delegateIds: z.array(IdSchema),
};

export const PartnerSchema = z.object({
  id: IdSchema,
  ...partnerState,
  legalName: z.string().nullable(),
  iatiIdentifier: z.string().nullable(),
  ownership: OwnershipSchema,
  /** Derived from the country (the ILO's five regions); null without a country. */
  region: IloRegionSchema.nullable(),
  parentPartnerId: IdSchema.nullable(),
  tags: z.array(z.string()),
  notes: z.string().nullable(),
  ...partnerResponsibility,
  status: PartnerStatusSchema,
  blockedForNewAgreements: z.boolean(),
  version: z.number().int().min(1),
  createdAt: IsoInstantSchema,
  updatedAt: IsoInstantSchema,
});
export type Partner = z.infer<typeof PartnerSchema>;

export const GetPartnerRequestSchema = z.object({ id: IdSchema });
export type GetPartnerRequest = z.infer<typeof GetPartnerRequestSchema>;

export const PartnerSorts = ['name', '-name', 'updatedAt', '-updatedAt', 'country', 'category'] as const;

export const ListPartnersQuerySchema = PageQuerySchema.extend({
  /** Name, acronym, legal name, IATI identifier, or a contact's name or e-mail (substring, any case). */
  q: z.string().trim().max(200).optional(),
  // Partners this user manages or is a delegate for ("my partners").
  assignedTo: IdSchema.optional(),
  category: PartnerCategorySchema.optional(),
  organisationType: OrganisationTypeSchema.optional(),
  country: CountryCodeSchema.optional(),
  region: IloRegionSchema.optional(),
  status: PartnerStatusSchema.optional(),
  /** Partners with an open flag of this level. */
  flagLevel: z.enum(['OBSERVATION', 'YELLOW', 'ESCALATED', 'RED']).optional(),
  tag: z.string().trim().toLowerCase().min(1).max(40).optional(),
  /** A leading minus sorts descending. */
  sort: z.enum(PartnerSorts).default('name'),
});
export type ListPartnersQuery = z.input<typeof ListPartnersQuerySchema>;

/** The same filters and order as the list, without paging: what an export of the list holds. */
export const ExportPartnersQuerySchema = ListPartnersQuerySchema.omit({ page: true, pageSize: true }).extend({
  /** CSV (UTF-8 with BOM) or an Excel workbook. */
  format: z.enum(['csv', 'xlsx'], { message: 'must be csv or xlsx' }).default('csv'),
});
export type ExportPartnersQuery = z.input<typeof ExportPartnersQuerySchema>;

/** Possible duplicates of a partner about to be registered (or edited: `exceptId`). */
export const FindDuplicatesQuerySchema = z.object({
  name: z.string().trim().min(2).max(200),
  iatiIdentifier: z.string().trim().max(150).optional(),
  exceptId: IdSchema.optional(),
});
export const DuplicateCandidateSchema = z.object({
  id: IdSchema,
  name: z.string(),
  acronym: z.string().nullable(),
  country: z.string().nullable(),
  iatiIdentifier: z.string().nullable(),
  /** same-identifier: the same IATI organisation identifier; similar-name: names alike (trigram similarity). */
  reason: z.enum(['same-identifier', 'similar-name']),
  /** 0–1; 1 for the same identifier. */
  similarity: z.number().min(0).max(1),
});
export const DuplicateCandidatesSchema = z.object({ items: z.array(DuplicateCandidateSchema) });
export type DuplicateCandidates = z.infer<typeof DuplicateCandidatesSchema>;

export const PartnerPageSchema = pageOf(PartnerSchema);
export type PartnerPage = z.infer<typeof PartnerPageSchema>;

// Event v1: additive changes only; a breaking change becomes partners.partner.registered.v2.
export const PartnerRegisteredV1Schema = z.object({
  partnerId: IdSchema,
  ...partnerState,
  version: z.number().int().min(1),
  registeredAt: IsoInstantSchema,
});
export type PartnerRegisteredV1 = z.infer<typeof PartnerRegisteredV1Schema>;

// Event v1: the partner's profile or responsibility changed; carries the whole new state.
export const PartnerUpdatedV1Schema = z.object({
  partnerId: IdSchema,
  ...partnerState,
  ...partnerResponsibility,
  version: z.number().int().min(1),
  updatedAt: IsoInstantSchema,
});
export type PartnerUpdatedV1 = z.infer<typeof PartnerUpdatedV1Schema>;

// --- Contacts ------------------------------------------------------------------------------------

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => v || null);

const contactFields = z.object({
  name: trimmed(200),
  /** e.g. "Head of Development Cooperation". */
  role: optionalText(200),
  email: z
    .email({ message: 'must be an email address' })
    .max(254)
    .nullish()
    .transform((v) => v ?? null),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ().-]{5,30}$/, { message: 'must be a phone number such as +41 22 799 61 11' })
    .nullish()
    .transform((v) => v ?? null),
  /** The partner's day-to-day counterpart of the ILO (one per partner). */
  focalPoint: z.boolean().default(false),
  /** May sign agreements for the partner. */
  authorisedSignatory: z.boolean().default(false),
});

/** HTTP body of POST /partners/:id/contacts and PUT /partners/:id/contacts/:contactId. */
export const ContactBodySchema = contactFields;
export type ContactBody = z.input<typeof ContactBodySchema>;
export const AddContactRequestSchema = contactFields.extend({ partnerId: IdSchema });
export const UpdateContactRequestSchema = contactFields.extend({ partnerId: IdSchema, contactId: IdSchema });
export const RemoveContactRequestSchema = z.object({ partnerId: IdSchema, contactId: IdSchema });

export const ContactSchema = z.object({
  id: IdSchema,
  partnerId: IdSchema,
  name: z.string(),
  role: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  focalPoint: z.boolean(),
  authorisedSignatory: z.boolean(),
});
export type Contact = z.infer<typeof ContactSchema>;
export const ContactListSchema = z.object({ items: z.array(ContactSchema) });
export type ContactList = z.infer<typeof ContactListSchema>;
export const ListContactsRequestSchema = z.object({ partnerId: IdSchema });

// --- Timeline -------------------------------------------------------------------------------------

/** What happened with a partner's agreements, as agreements-service announced it. */
export const PartnerTimelineKinds = ['AGREEMENT_DRAFTED', 'AGREEMENT_STATUS', 'TRANCHE_RECEIVED'] as const;

export const PartnerTimelineEntrySchema = z.object({
  id: IdSchema,
  partnerId: IdSchema,
  occurredAt: IsoInstantSchema,
  kind: z.enum(PartnerTimelineKinds),
  agreementId: IdSchema,
  reference: z.string(),
  title: z.string(),
  /** AGREEMENT_STATUS: from, to, action, reason. TRANCHE_RECEIVED: currency, receivedMinor, usdMinor. */
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
});
export type PartnerTimelineEntry = z.infer<typeof PartnerTimelineEntrySchema>;

export const PartnerTimelineQuerySchema = z.object({
  /** The id of the last entry seen (older ones follow). */
  cursor: IdSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export const PartnerTimelineRequestSchema = PartnerTimelineQuerySchema.extend({ partnerId: IdSchema });
export const PartnerTimelineSchema = z.object({
  items: z.array(PartnerTimelineEntrySchema),
  nextCursor: IdSchema.nullable(),
});
export type PartnerTimeline = z.infer<typeof PartnerTimelineSchema>;
