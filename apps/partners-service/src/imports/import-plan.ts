import {
  PartnerImportFields,
  canChangePartner,
  readImportRow,
  type Actor,
  type FieldError,
  type ImportedProfile,
  type PartnerImportField,
  type PartnerImportRowInput,
} from '@pardev/contracts';

/** What the plan needs to know of a partner already registered. */
export interface KnownPartner {
  readonly id: string;
  readonly version: number;
  readonly name: string;
  readonly acronym: string | null;
  readonly legalName: string | null;
  readonly iatiIdentifier: string | null;
  readonly organisationType: string;
  readonly category: string;
  readonly ownership: string;
  readonly country: string | null;
  readonly status: string;
  readonly blocked: boolean;
  readonly tags: readonly string[];
  readonly notes: string | null;
  readonly responsibleOfficerId: string | null;
  readonly delegateIds: readonly string[];
}

export type PlannedRow =
  | {
      readonly rowNumber: number;
      readonly outcome: 'CREATE';
      readonly profile: ImportedProfile;
      readonly errors: readonly [];
    }
  | {
      readonly rowNumber: number;
      readonly outcome: 'UPDATE' | 'SKIP';
      readonly partnerId: string;
      readonly partnerVersion: number;
      readonly profile: ImportedProfile;
      readonly changedFields: readonly PartnerImportField[];
      readonly errors: readonly [];
    }
  | {
      readonly rowNumber: number;
      readonly outcome: 'ERROR';
      readonly partnerId: string | null;
      readonly errors: readonly FieldError[];
    };

const nameKey = (name: string, country: string | null | undefined) =>
  `${name.trim().toLowerCase()}|${(country ?? '').trim().toUpperCase()}`;
const identifierKey = (identifier: string) => identifier.trim().toUpperCase();
const blank = (value: string | undefined) => value === undefined || value.trim() === '';

const profileFieldsOf = (partner: KnownPartner): Partial<Record<PartnerImportField, unknown>> => ({
  name: partner.name,
  acronym: partner.acronym,
  legalName: partner.legalName,
  iatiIdentifier: partner.iatiIdentifier,
  organisationType: partner.organisationType,
  category: partner.category,
  ownership: partner.ownership,
  country: partner.country,
  status: partner.status,
  tags: [...partner.tags],
  notes: partner.notes,
});

const same = (a: unknown, b: unknown): boolean =>
  Array.isArray(a) && Array.isArray(b)
    ? a.length === b.length && [...a].sort().every((value, i) => value === [...b].sort()[i])
    : (a ?? null) === (b ?? null);

const error = (field: PartnerImportField, rule: string, message: string): FieldError => ({
  field,
  rule,
  message,
});

/** The registry as the plan looks things up in it: by id, IATI identifier, and name per country. */
export class PartnerDirectory {
  private readonly byId = new Map<string, KnownPartner>();
  private readonly byIdentifier = new Map<string, KnownPartner>();
  private readonly byName = new Map<string, KnownPartner>();
  // Names without a country column: a name alone finds a partner only when one partner has it.
  private readonly byBareName = new Map<string, KnownPartner[]>();

  constructor(partners: Iterable<KnownPartner>) {
    for (const partner of partners) {
      this.byId.set(partner.id, partner);
      if (partner.iatiIdentifier) this.byIdentifier.set(identifierKey(partner.iatiIdentifier), partner);
      this.byName.set(nameKey(partner.name, partner.country), partner);
      const bare = partner.name.trim().toLowerCase();
      this.byBareName.set(bare, [...(this.byBareName.get(bare) ?? []), partner]);
    }
  }

  withId(id: string): KnownPartner | undefined {
    return this.byId.get(id.trim().toLowerCase());
  }

  withIdentifier(identifier: string): KnownPartner | undefined {
    return this.byIdentifier.get(identifierKey(identifier));
  }

  named(
    name: string,
    country: string | null | undefined,
    hasCountryColumn: boolean,
  ): KnownPartner | undefined {
    if (hasCountryColumn) return this.byName.get(nameKey(name, country));
    const alike = this.byBareName.get(name.trim().toLowerCase()) ?? [];
    return alike.length === 1 ? alike[0] : undefined;
  }
}

/**
 * Decides, for every row of a file, what importing it would do, without writing anything:
 *
 * - a row names the partner it updates by its Id (as the export writes it), else by its IATI
 *   identifier, else by its name in its country; a row naming no partner creates one;
 * - an update that changes nothing is skipped;
 * - every problem is an error with its field: the registration schema's rules, an Id or identifier
 *   that is not the row's partner, a partner this person may not change, a partner that two rows
 *   of the file both claim.
 *
 * Fields without a column keep their value. The derived status BLOCKED, as exported, leaves the status
 * of a blocked partner as it is.
 */
export const planImport = (
  rows: readonly PartnerImportRowInput[],
  columns: readonly PartnerImportField[],
  directory: PartnerDirectory,
  actor: Actor,
): PlannedRow[] => {
  const hasCountryColumn = columns.includes('country');
  // Which row first claimed a partner (update) or a name / identifier (create).
  const claimedBy = new Map<string, number>();
  const claim = (key: string, rowNumber: number): number | undefined => {
    const earlier = claimedBy.get(key);
    if (earlier === undefined) claimedBy.set(key, rowNumber);
    return earlier;
  };

  return rows.map(({ rowNumber, values }): PlannedRow => {
    const fail = (errors: FieldError[], partnerId: string | null = null): PlannedRow => ({
      rowNumber,
      outcome: 'ERROR',
      partnerId,
      errors,
    });
    let target: KnownPartner | undefined;
    if (!blank(values.id)) {
      target = directory.withId(values.id!);
      if (!target && /^[0-9a-f-]{36}$/i.test(values.id!.trim())) {
        return fail([error('id', 'unknown_partner', 'is not the Id of a registered partner')]);
      }
    }
    target ??= !blank(values.iatiIdentifier) ? directory.withIdentifier(values.iatiIdentifier!) : undefined;
    target ??= !blank(values.name)
      ? directory.named(values.name!, values.country, hasCountryColumn)
      : undefined;

    const cells = { ...values };
    if (target?.blocked && cells.status?.trim().toUpperCase() === 'BLOCKED') delete cells.status;
    const read = readImportRow(cells, target ? profileFieldsOf(target) : {});
    if (!read.ok) {
      const errors = read.errors.map((e) =>
        e.field === 'status' && cells.status?.trim().toUpperCase() === 'BLOCKED'
          ? {
              ...e,
              message: 'BLOCKED is set by due diligence (flags and checks); use PROSPECT, ACTIVE or INACTIVE',
            }
          : e,
      );
      return fail(errors, target?.id ?? null);
    }
    const { profile } = read;

    const sameIdentifier = profile.iatiIdentifier
      ? directory.withIdentifier(profile.iatiIdentifier)
      : undefined;
    if (sameIdentifier && sameIdentifier.id !== target?.id) {
      return fail(
        [error('iatiIdentifier', 'unique', `is already the identifier of ${sameIdentifier.name}`)],
        target?.id ?? null,
      );
    }
    const sameName = directory.named(profile.name, profile.country, true);
    if (sameName && sameName.id !== target?.id) {
      return fail(
        [error('name', 'unique', `${sameName.name} is already registered in this country`)],
        target?.id ?? null,
      );
    }

    if (!target) {
      const twin =
        claim(`name:${nameKey(profile.name, profile.country)}`, rowNumber) ??
        (profile.iatiIdentifier
          ? claim(`iati:${identifierKey(profile.iatiIdentifier)}`, rowNumber)
          : undefined);
      if (twin !== undefined) {
        return fail([error('name', 'duplicate_row', `is the same partner as row ${twin}`)]);
      }
      return { rowNumber, outcome: 'CREATE', profile, errors: [] };
    }

    const twin = claim(`partner:${target.id}`, rowNumber);
    if (twin !== undefined) {
      return fail([error('name', 'duplicate_row', `is the same partner as row ${twin}`)], target.id);
    }
    if (!canChangePartner(actor, target)) {
      return fail(
        [
          error(
            columns.includes('id') ? 'id' : 'name',
            'not_allowed',
            `${target.name}: only its responsible officer, a delegate or an admin may change it`,
          ),
        ],
        target.id,
      );
    }
    const current = profileFieldsOf(target);
    const changedFields = PartnerImportFields.filter(
      (field) =>
        field !== 'id' &&
        columns.includes(field) &&
        !same(profile[field as keyof ImportedProfile], current[field]),
    );
    return {
      rowNumber,
      outcome: changedFields.length > 0 ? 'UPDATE' : 'SKIP',
      partnerId: target.id,
      partnerVersion: target.version,
      profile,
      changedFields,
      errors: [],
    };
  });
};
