import type { Actor, PartnerImportField, PartnerImportRowInput } from '@pardev/contracts';
import { describe, expect, it } from 'vitest';
import { PartnerDirectory, planImport, type KnownPartner } from './import-plan';

const admin: Actor = { userId: '0190a0a0-0000-7000-8000-000000000001', roles: ['admin'] };
const officer: Actor = { userId: '0190a0a0-0000-7000-8000-000000000002', roles: ['officer'] };

const known = (overrides: Partial<KnownPartner>): KnownPartner => ({
  id: '0190a0a0-0000-7000-8000-0000000000a1',
  version: 3,
  name: 'Swiss Agency for Development and Cooperation',
  acronym: 'SDC',
  legalName: null,
  iatiIdentifier: 'XM-DAC-15-1',
  organisationType: '10',
  category: 'GOVERNMENT_OECD_DAC',
  ownership: 'PUBLIC',
  country: 'CH',
  status: 'ACTIVE',
  blocked: false,
  tags: [],
  notes: null,
  responsibleOfficerId: null,
  delegateIds: [],
  ...overrides,
});

const sdc = known({});
const acme = known({
  id: '0190a0a0-0000-7000-8000-0000000000a2',
  name: 'Acme Ltd',
  acronym: null,
  iatiIdentifier: null,
  organisationType: '70',
  category: 'PRIVATE_SECTOR',
  ownership: 'PRIVATE',
  country: 'GB',
  blocked: true,
  responsibleOfficerId: officer.userId,
});
const directory = new PartnerDirectory([sdc, acme]);

const columns: PartnerImportField[] = [
  'name',
  'acronym',
  'organisationType',
  'category',
  'country',
  'status',
];
let nextRow = 2;
const row = (values: PartnerImportRowInput['values']): PartnerImportRowInput => ({
  rowNumber: nextRow++,
  values,
});
const plan = (rows: PartnerImportRowInput[], actor = admin, cols = columns) =>
  planImport(rows, cols, directory, actor);

const newPartner = {
  name: 'Ministry of Labour',
  organisationType: '10',
  category: 'GOVERNMENT_OECD_DAC',
  country: 'NO',
};

describe('planning an import (the dry run)', () => {
  it('creates a partner that no row names by id, identifier or name', () => {
    const [planned] = plan([row(newPartner)]);
    expect(planned).toMatchObject({
      outcome: 'CREATE',
      profile: { name: 'Ministry of Labour', country: 'NO' },
    });
  });

  it('reads codes as people type them: "Government OECD-DAC", "no", " 10 "', () => {
    const [planned] = plan([
      row({ ...newPartner, category: 'Government OECD-DAC', country: 'no', organisationType: ' 10 ' }),
    ]);
    expect(planned).toMatchObject({
      outcome: 'CREATE',
      profile: { category: 'GOVERNMENT_OECD_DAC', country: 'NO' },
    });
  });

  it('updates the partner named by the Id column, and lists the fields that change', () => {
    const [planned] = plan(
      [
        row({
          id: sdc.id,
          name: sdc.name,
          acronym: 'DDC',
          organisationType: '10',
          category: 'GOVERNMENT_OECD_DAC',
          country: 'CH',
          status: 'ACTIVE',
        }),
      ],
      admin,
      ['id', ...columns],
    );
    expect(planned).toMatchObject({
      outcome: 'UPDATE',
      partnerId: sdc.id,
      partnerVersion: 3,
      changedFields: ['acronym'],
    });
  });

  it('finds the partner by IATI identifier, then by name in its country (any case)', () => {
    const cols: PartnerImportField[] = ['name', 'iatiIdentifier', 'country'];
    const [byIdentifier, byName] = plan(
      [
        row({ name: 'SDC renamed', iatiIdentifier: 'XM-DAC-15-1', country: 'CH' }),
        row({ name: 'ACME LTD', iatiIdentifier: '', country: 'gb' }),
      ],
      admin,
      cols,
    );
    expect(byIdentifier).toMatchObject({ outcome: 'UPDATE', partnerId: sdc.id, changedFields: ['name'] });
    // Acme has no identifier: its name matches in any case, and the file's spelling of it wins.
    expect(byName).toMatchObject({ outcome: 'UPDATE', partnerId: acme.id, changedFields: ['name'] });
  });

  it('skips a row that changes nothing, and keeps fields the file has no column for', () => {
    const [planned] = plan([row({ name: sdc.name, country: 'CH' })], admin, ['name', 'country']);
    expect(planned).toMatchObject({ outcome: 'SKIP', partnerId: sdc.id, changedFields: [] });
    if (planned?.outcome === 'SKIP')
      expect(planned.profile).toMatchObject({ acronym: 'SDC', category: 'GOVERNMENT_OECD_DAC' });
  });

  it('reads a blank "Public or private" or status as the default when creating and as "leave it" when updating', () => {
    const cols: PartnerImportField[] = [...columns, 'ownership'];
    const [created, kept] = plan(
      [
        row({
          name: 'Fondation Lumière',
          organisationType: '60',
          category: 'FOUNDATION',
          country: 'FR',
          status: '',
          ownership: '',
        }),
        row({
          name: sdc.name,
          acronym: 'SDC',
          organisationType: '10',
          category: 'GOVERNMENT_OECD_DAC',
          country: 'CH',
          status: ' ',
          ownership: '',
        }),
      ],
      admin,
      cols,
    );
    expect(created).toMatchObject({ outcome: 'CREATE' });
    if (created?.outcome === 'CREATE') expect(created.profile.ownership).toBeUndefined();
    expect(kept).toMatchObject({ outcome: 'SKIP', changedFields: [] });
  });

  it('names the row, the field and the rule of every problem', () => {
    const [noName, badCountry, badType] = plan([
      row({ ...newPartner, name: '' }),
      row({ ...newPartner, name: 'Another ministry', country: 'XX' }),
      row({ ...newPartner, name: 'Third ministry', organisationType: '99' }),
    ]);
    expect(noName).toMatchObject({ outcome: 'ERROR', errors: [{ field: 'name', message: 'is required' }] });
    expect(badCountry).toMatchObject({ outcome: 'ERROR', errors: [{ field: 'country' }] });
    expect(badType).toMatchObject({ outcome: 'ERROR', errors: [{ field: 'organisationType' }] });
  });

  it('refuses an Id that is no partner, and an IATI identifier that belongs to another partner', () => {
    const [unknownId, takenIdentifier] = plan(
      [
        row({ id: '0190a0a0-0000-7000-8000-0000000000ff', ...newPartner }),
        row({ ...newPartner, iatiIdentifier: 'XM-DAC-15-1', name: 'Not SDC' }),
      ],
      admin,
      ['id', 'iatiIdentifier', ...columns],
    );
    expect(unknownId).toMatchObject({ outcome: 'ERROR', errors: [{ field: 'id', rule: 'unknown_partner' }] });
    // The identifier finds SDC, whose name is then changed to one no one has: an update of SDC.
    expect(takenIdentifier).toMatchObject({ outcome: 'UPDATE', partnerId: sdc.id });
    const [conflict] = plan(
      [row({ id: acme.id, name: 'Acme Ltd', iatiIdentifier: 'XM-DAC-15-1', country: 'GB' })],
      admin,
      ['id', 'name', 'iatiIdentifier', 'country'],
    );
    expect(conflict).toMatchObject({
      outcome: 'ERROR',
      errors: [{ field: 'iatiIdentifier', rule: 'unique' }],
    });
  });

  it('refuses two rows about the same partner, citing the first', () => {
    const first = row(newPartner);
    const second = row({ ...newPartner, name: 'ministry of labour' });
    const [, twin] = plan([first, second]);
    expect(twin).toMatchObject({
      outcome: 'ERROR',
      errors: [
        { field: 'name', rule: 'duplicate_row', message: `is the same partner as row ${first.rowNumber}` },
      ],
    });
  });

  it('lets an officer update only the partners they are responsible for', () => {
    const cols: PartnerImportField[] = ['name', 'country', 'acronym'];
    const [own, notOwn] = plan(
      [
        row({ name: 'Acme Ltd', country: 'GB', acronym: 'ACME' }),
        row({ name: sdc.name, country: 'CH', acronym: 'X' }),
      ],
      officer,
      cols,
    );
    expect(own).toMatchObject({ outcome: 'UPDATE', partnerId: acme.id });
    expect(notOwn).toMatchObject({ outcome: 'ERROR', errors: [{ field: 'name', rule: 'not_allowed' }] });
  });

  it('reads the exported status BLOCKED of a blocked partner as "leave it", and refuses it otherwise', () => {
    const [blocked, notBlocked] = plan([
      row({
        name: 'Acme Ltd',
        organisationType: '70',
        category: 'PRIVATE_SECTOR',
        country: 'GB',
        status: 'BLOCKED',
      }),
      row({ ...newPartner, status: 'blocked' }),
    ]);
    expect(blocked).toMatchObject({ outcome: 'SKIP' });
    expect(notBlocked).toMatchObject({
      outcome: 'ERROR',
      errors: [{ field: 'status', message: expect.stringContaining('set by due diligence') }],
    });
  });
});
