import { ErrorCode, type Actor, type RegisterPartnerRequest } from '@pardev/contracts';
import type { MessageBus } from '@pardev/messaging';
import { newId } from '@pardev/persistence';
import { runtimeKinds, startServiceUnderTest, type ServiceUnderTest } from '@pardev/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppModule } from '../app.module';
import { PartnersEnvSchema } from '../config';

const admin: Actor = { userId: newId(), roles: ['admin'] };

describe.each(runtimeKinds())('the partner registry on %s bus with %s', (busKind, databaseKind) => {
  let requests: MessageBus;
  let sut: ServiceUnderTest;
  const run = newId().slice(-6);

  const register = (fields: Partial<RegisterPartnerRequest> & { name: string }) =>
    requests.request(
      'partners.partner.register',
      { organisationType: '10', category: 'GOVERNMENT_OECD_DAC', country: 'SE', ...fields },
      { actor: admin },
    );
  const names = async (filters: Record<string, unknown>) =>
    (await requests.request('partners.partner.list', { pageSize: 100, q: run, ...filters })).items.map(
      (p) => p.name,
    );

  beforeAll(async () => {
    sut = await startServiceUnderTest(busKind, databaseKind, 'partners_registry', (env) =>
      AppModule.forRoot(PartnersEnvSchema.parse({ ...env, DUE_DILIGENCE_SWEEP_MINUTES: '0' })),
    );
    ({ requests } = sut);
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('keeps the whole profile, derives the ILO region from the country and public/private from the category', async () => {
    const sida = await register({
      name: `Swedish International Development Cooperation Agency ${run}`,
      acronym: 'Sida',
      legalName: 'Styrelsen för internationellt utvecklingssamarbete',
      iatiIdentifier: `SE-0-${run}`.replace('SE-0', 'XM-DAC'),
      tags: ['Global Accelerator', 'global accelerator', 'pooled fund'],
      notes: 'Framework agreement renewed every four years.',
    });
    expect(sida).toMatchObject({
      region: 'EUROPE_CENTRAL_ASIA',
      ownership: 'PUBLIC',
      status: 'ACTIVE',
      tags: ['global accelerator', 'pooled fund'],
      legalName: 'Styrelsen för internationellt utvecklingssamarbete',
    });
    const company = await register({
      name: `Acme Jordan ${run}`,
      category: 'PRIVATE_SECTOR',
      organisationType: '70',
      country: 'JO',
    });
    expect(company).toMatchObject({ region: 'ARAB_STATES', ownership: 'PRIVATE' });

    // An update that leaves the new fields out keeps them; one that sends them changes them.
    const moved = await requests.request(
      'partners.partner.update',
      {
        id: sida.id,
        version: sida.version,
        name: sida.name,
        acronym: sida.acronym,
        organisationType: '10',
        category: 'GOVERNMENT_OECD_DAC',
        country: 'KE',
      },
      { actor: admin },
    );
    expect(moved).toMatchObject({
      region: 'AFRICA',
      tags: ['global accelerator', 'pooled fund'],
      legalName: sida.legalName,
    });
  });

  it('refuses an IATI identifier that breaks the IATI rules or belongs to another partner', async () => {
    await expect(
      register({ name: `Bad identifier ${run}`, iatiIdentifier: 'GB-COH-12/34' }),
    ).rejects.toMatchObject({
      code: ErrorCode.ValidationFailed,
      errors: [
        expect.objectContaining({
          field: 'iatiIdentifier',
          message: 'must not contain /, &, | or ? (IATI rule)',
        }),
      ],
    });
    await register({ name: `First holder ${run}`, iatiIdentifier: `GB-COH-${run}` });
    await expect(
      register({ name: `Second holder ${run}`, iatiIdentifier: `gb-coh-${run}`.toUpperCase() }),
    ).rejects.toMatchObject({
      code: ErrorCode.PartnerAlreadyExists,
      errors: [expect.objectContaining({ field: 'iatiIdentifier', rule: 'unique' })],
    });
  });

  it('keeps parents real and free of cycles', async () => {
    const government = await register({ name: `Government of Norway ${run}`, country: 'NO' });
    const ministry = await register({
      name: `Ministry of Foreign Affairs ${run}`,
      country: 'NO',
      parentPartnerId: government.id,
    });
    expect(ministry.parentPartnerId).toBe(government.id);
    await expect(
      requests.request(
        'partners.partner.update',
        {
          id: government.id,
          version: government.version,
          name: government.name,
          organisationType: '10',
          category: 'GOVERNMENT_OECD_DAC',
          country: 'NO',
          parentPartnerId: ministry.id,
        },
        { actor: admin },
      ),
    ).rejects.toMatchObject({
      errors: [
        expect.objectContaining({
          field: 'parentPartnerId',
          message: 'cannot be one of its own subsidiaries',
        }),
      ],
    });
    await expect(register({ name: `Orphan ${run}`, parentPartnerId: newId() })).rejects.toMatchObject({
      errors: [expect.objectContaining({ field: 'parentPartnerId', message: 'does not exist' })],
    });
  });

  it('filters by category, type, country, region, status, open flag level and tag, and sorts', async () => {
    const [a, b, c] = [
      await register({ name: `Filter Alpha ${run}`, country: 'CH', tags: ['sstc'] }),
      await register({
        name: `Filter Beta ${run}`,
        category: 'FOUNDATION',
        organisationType: '60',
        country: 'US',
        status: 'PROSPECT',
      }),
      await register({
        name: `Filter Gamma ${run}`,
        category: 'PRIVATE_SECTOR',
        organisationType: '70',
        country: 'TH',
      }),
    ];
    await requests.request(
      'partners.flag.raise',
      { partnerId: c.id, level: 'RED', category: 'REPUTATIONAL', comment: 'press reports' },
      { actor: admin },
    );
    const q = 'Filter';
    expect(await names({ q, category: 'FOUNDATION' })).toEqual([b.name]);
    expect(await names({ q, organisationType: '70' })).toEqual([c.name]);
    expect(await names({ q, country: 'CH' })).toEqual([a.name]);
    expect(await names({ q, region: 'ASIA_PACIFIC' })).toEqual([c.name]);
    expect(await names({ q, status: 'PROSPECT' })).toEqual([b.name]);
    expect(await names({ q, status: 'BLOCKED' })).toEqual([c.name]);
    expect(await names({ q, flagLevel: 'RED' })).toEqual([c.name]);
    expect(await names({ q, tag: 'SSTC' })).toEqual([a.name]);
    expect(await names({ q, category: 'FOUNDATION', status: 'ACTIVE' })).toEqual([]);
    const sorted = await names({ q: `Filter`, sort: '-name' });
    expect(sorted.filter((n) => n.endsWith(run))).toEqual([c.name, b.name, a.name]);
  });

  it('warns of likely duplicates: the same IATI identifier first, then names alike', async () => {
    const original = await register({
      name: `Danish Refugee Council ${run}`,
      iatiIdentifier: `DK-CVR-${run}`,
    });
    const { items } = await requests.request('partners.partner.find-duplicates', {
      name: `Danish Refugee Counsil ${run}`,
      iatiIdentifier: `DK-CVR-${run}`,
    });
    expect(items[0]).toMatchObject({ id: original.id, reason: 'same-identifier', similarity: 1 });
    const byName = await requests.request('partners.partner.find-duplicates', {
      name: `The Danish Refugee Council ${run}`,
    });
    expect(byName.items).toEqual([expect.objectContaining({ id: original.id, reason: 'similar-name' })]);
    expect(byName.items[0]!.similarity).toBeGreaterThan(0.45);
    const itself = await requests.request('partners.partner.find-duplicates', {
      name: original.name,
      exceptId: original.id,
    });
    expect(itself.items.map((i) => i.id)).not.toContain(original.id);
    expect(
      (
        await requests.request('partners.partner.find-duplicates', { name: 'Completely unrelated name' })
      ).items.map((i) => i.id),
    ).not.toContain(original.id);
  });

  it('keeps one focal point per partner, finds partners by a contact, and audits contact changes', async () => {
    const partner = await register({ name: `Contacts Test ${run}` });
    const add = (name: string, extra: object = {}) =>
      requests.request('partners.contact.add', { partnerId: partner.id, name, ...extra }, { actor: admin });
    await add('Astrid Lund', { email: 'astrid.lund@example.se', focalPoint: true });
    const { items } = await add('Björn Ek', {
      role: 'Director',
      focalPoint: true,
      authorisedSignatory: true,
    });
    expect(items.map((c) => [c.name, c.focalPoint, c.authorisedSignatory])).toEqual([
      ['Björn Ek', true, true],
      ['Astrid Lund', false, false],
    ]);
    expect(
      (await requests.request('partners.partner.list', { q: 'astrid.lund@' })).items.map((p) => p.id),
    ).toEqual([partner.id]);
    await expect(add('Bad Phone', { phone: 'call me' })).rejects.toMatchObject({
      errors: [expect.objectContaining({ field: 'phone' })],
    });
    const officer: Actor = { userId: newId(), roles: ['officer'] };
    await expect(
      requests.request(
        'partners.contact.add',
        { partnerId: partner.id, name: 'Intruder' },
        { actor: officer },
      ),
    ).rejects.toMatchObject({ code: ErrorCode.Forbidden });
    const history = await requests.request(
      'partners.audit.search',
      { entityType: 'partner', entityId: partner.id },
      { actor: admin },
    );
    expect(history.items.filter((e) => e.action === 'contact.added')).toHaveLength(2);
  });
});
