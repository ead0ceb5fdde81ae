import type {
  Agreement,
  AgreementPage,
  CreateAgreementRequest,
  CurrencyRateList,
  Project,
  AgreementVersionList,
  Amendment,
  VersionDiff,
  PartnerTimeline,
  ReportDuePage,
  Partner,
  Role,
  TrancheSchedule,
  User,
} from '@pardev/contracts';
import { addMonths } from '@pardev/contracts';
import { newId } from '@pardev/persistence';
import { waitFor, type BusKind, type DatabaseKind } from '@pardev/testing';
import { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '../openapi/api-routes';
import {
  HARNESS_ADMIN,
  problemOf,
  startGatewayHarness,
  type GatewayHarness,
  type Method,
} from '../testing/gateway-harness';

const combinations = (): [BusKind, DatabaseKind][] => {
  const runs: [BusKind, DatabaseKind][] = [['embedded', 'pglite']];
  if (process.env.TEST_NATS_URL && process.env.TEST_DATABASE_URL) runs.push(['nats', 'postgres']);
  return runs;
};

const PASSWORD = 'correct horse battery staple';
const today = new Date().toISOString().slice(0, 10);
const month = today.slice(0, 7);
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe.each(combinations())('funding agreements through the gateway (%s bus, %s)', (busKind, dbKind) => {
  let harness: GatewayHarness;
  let adminCookie: string;
  let partner: Partner;
  const people = {} as Record<'officerA' | 'officerB' | 'finance' | 'viewer', User & { cookie: string }>;

  const as = (cookie: string) => ({
    get: (url: string) => harness.request('GET', url, { cookie }),
    send: (method: Method, url: string, body?: unknown) => harness.request(method, url, { cookie, body }),
  });
  const invite = async (key: keyof typeof people, roles: Role[]) => {
    const email = `${key}.${newId().slice(-6)}@ilo.org`;
    const created = await as(adminCookie).send('POST', '/api/v1/users', {
      email,
      displayName: `${key} person`,
      roles,
      password: PASSWORD,
    });
    expect(created.statusCode, created.body).toBe(201);
    people[key] = { ...created.json<User>(), cookie: await harness.login(email, PASSWORD) };
  };
  const terms = (
    partnerIds: string[],
    overrides: Partial<CreateAgreementRequest> = {},
  ): CreateAgreementRequest => ({
    title: `Youth employment ${newId().slice(-6)}`,
    partnerIds,
    type: 'PROJECT_AGREEMENT',
    fundingSource: 'XBDC',
    earmarkingCategory: '3',
    currency: 'EUR',
    totalMinor: 300_000_00,
    pscRatePercent: 13,
    startOn: daysFromToday(-10),
    endOn: daysFromToday(700),
    allocations: {
      recipients: [{ kind: 'COUNTRY', code: 'KE', percent: 100 }],
      sectors: [{ vocabulary: '1', code: '16020', percent: 100 }],
      pbOutcomes: ['3'],
    },
    ...overrides,
  });
  const draftAs = async (cookie: string, partnerIds = [partner.id]): Promise<Agreement> => {
    const response = await as(cookie).send('POST', '/api/v1/agreements', terms(partnerIds));
    expect(response.statusCode, response.body).toBe(201);
    return response.json<Agreement>();
  };
  const registerPartner = async (name: string): Promise<Partner> => {
    const response = await as(adminCookie).send('POST', '/api/v1/partners', {
      name,
      organisationType: '10',
      category: 'GOVERNMENT_OECD_DAC',
      country: 'NO',
    });
    expect(response.statusCode, response.body).toBe(201);
    const registered = response.json<Partner>();
    // agreements-service learns of it by event.
    await waitFor(async () => {
      const options = await as(adminCookie).get(
        `/api/v1/agreements/partner-options?q=${encodeURIComponent(name)}`,
      );
      return options.json<{ total: number }>().total > 0;
    });
    return registered;
  };

  beforeAll(async () => {
    harness = await startGatewayHarness(busKind, dbKind);
    adminCookie = await harness.login(HARNESS_ADMIN.email, HARNESS_ADMIN.password);
    await invite('officerA', ['officer']);
    await invite('officerB', ['officer']);
    await invite('finance', ['finance']);
    await invite('viewer', ['viewer']);
    partner = await registerPartner(`Norad ${newId().slice(-6)}`);
  });

  afterAll(async () => {
    await harness?.close();
  });

  // A valid body for every state-changing route that takes an agreement id: a new route must be added
  // here, or the test below fails (so that none escapes the object-level check).
  const bodies: Record<string, (agreement: Agreement) => unknown> = {
    'put /api/v1/agreements/{id}': (a) => ({
      ...terms([partner.id], { title: 'Renamed' }),
      version: a.version,
    }),
    'put /api/v1/agreements/{id}/responsibility': (a) => ({
      version: a.version,
      responsibleOfficerId: a.responsibleOfficerId,
      delegateIds: [],
    }),
    'post /api/v1/agreements/{id}/transitions': (a) => ({ action: 'submit', version: a.version }),
    'put /api/v1/agreements/{id}/obligations': (a) => ({
      version: a.version,
      obligations: [{ type: 'NARRATIVE_PROGRESS', frequency: 'ANNUAL', daysAfterPeriodEnd: 60 }],
    }),
    'post /api/v1/agreements/{id}/amendments': () => ({
      type: 'NO_COST_EXTENSION',
      reason: 'delays in recruitment',
      changes: { endOn: daysFromToday(900) },
    }),
    'post /api/v1/agreements/{id}/amendments/{amendmentId}/approve': (a) => ({
      version: a.version,
      signedOn: today,
    }),
    'post /api/v1/agreements/{id}/amendments/{amendmentId}/reject': (a) => ({
      version: a.version,
      reason: 'not agreed',
    }),
    'post /api/v1/agreements/{id}/tranches': () => ({
      plannedOn: daysFromToday(30),
      amountMinor: 100_000_00,
    }),
    'put /api/v1/agreements/{id}/tranches/{trancheId}': () => ({
      plannedOn: daysFromToday(40),
      amountMinor: 150_000_00,
    }),
    'post /api/v1/agreements/{id}/tranches/{trancheId}/cancel': () => ({ reason: 'the partner asked' }),
  };
  const financeBodies: Record<string, () => unknown> = {
    'post /api/v1/agreements/{id}/tranches/{trancheId}/invoice': () => ({
      invoicedOn: today,
      invoiceReference: 'INV-1',
    }),
    'post /api/v1/agreements/{id}/tranches/{trancheId}/receipt': () => ({
      receivedOn: today,
      receivedMinor: 100_000_00,
      ratePerUsd: '0.9',
    }),
  };
  const agreementRoutesWithId = apiRoutes.filter((r) => r.path.startsWith('/api/v1/agreements/{id}'));
  const withTranche = async (agreement: Agreement) => {
    const planned = await as(people.officerA.cookie).send(
      'POST',
      `/api/v1/agreements/${agreement.id}/tranches`,
      {
        plannedOn: daysFromToday(20),
        amountMinor: 100_000_00,
      },
    );
    expect(planned.statusCode, planned.body).toBe(200);
    return planned.json<TrancheSchedule>().items.at(-1)!.id;
  };

  /** An agreement of officer A taken to SIGNED (full schedule, submitted, approved, signed). */
  const signedAs = async (cookie: string): Promise<Agreement> => {
    let agreement = await draftAs(cookie);
    await as(cookie).send('POST', `/api/v1/agreements/${agreement.id}/tranches`, {
      plannedOn: daysFromToday(30),
      amountMinor: agreement.totalMinor,
    });
    for (const action of ['submit', 'approve', 'sign']) {
      const response = await as(cookie).send('POST', `/api/v1/agreements/${agreement.id}/transitions`, {
        action,
        version: agreement.version,
        signedOn: today,
      });
      expect(response.statusCode, response.body).toBe(200);
      agreement = response.json<Agreement>();
    }
    return agreement;
  };
  const proposedFor = async (agreement: Agreement): Promise<string> => {
    const response = await as(people.officerA.cookie).send(
      'POST',
      `/api/v1/agreements/${agreement.id}/amendments`,
      {
        type: 'BUDGET_UP_TO_20',
        reason: 'a second donor round',
        changes: { totalMinor: agreement.totalMinor + 10_000_00 },
      },
    );
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: string }>().id;
  };

  it('lets officer B change nothing of officer A’s agreement on any route that takes its id, A everything, finance only the money', async () => {
    const changing = agreementRoutesWithId.filter((r) => r.method !== 'get');
    expect(changing.map((r) => `${r.method} ${r.path}`).sort()).toEqual(
      [...Object.keys(bodies), ...Object.keys(financeBodies)].sort(),
    );
    for (const route of changing) {
      const amending = route.path.includes('/amendments');
      const agreement = amending
        ? await signedAs(people.officerA.cookie)
        : await draftAs(people.officerA.cookie);
      const trancheId = route.path.includes('{trancheId}') ? await withTranche(agreement) : '';
      const amendmentId = route.path.includes('{amendmentId}') ? await proposedFor(agreement) : '';
      const url = route.path
        .replace('{id}', agreement.id)
        .replace('{trancheId}', trancheId)
        .replace('{amendmentId}', amendmentId);
      const method = route.method.toUpperCase() as Method;
      const key = `${route.method} ${route.path}`;
      const body = bodies[key] ? bodies[key](agreement) : financeBodies[key]!();
      const [refused, allowed] = financeBodies[key]
        ? [people.officerA.cookie, people.finance.cookie]
        : [people.officerB.cookie, people.officerA.cookie];
      const denied = await as(refused).send(method, url, body);
      expect(denied.statusCode, `${key} refused`).toBe(403);
      expect(problemOf(denied).code).toBe('FORBIDDEN');
      const done = await as(allowed).send(method, url, body);
      expect(done.statusCode, `${key} allowed: ${done.body}`).toBe(route.success.status);
    }
    // Reads are open to every role.
    const agreement = await draftAs(people.officerA.cookie);
    for (const route of agreementRoutesWithId.filter((r) => r.method === 'get')) {
      for (const person of Object.values(people)) {
        const read = await as(person.cookie).get(route.path.replace('{id}', agreement.id));
        expect(read.statusCode, `${route.path} as ${person.roles.join()}`).toBe(200);
      }
    }
    expect(
      (await as(people.viewer.cookie).send('POST', '/api/v1/agreements', terms([partner.id]))).statusCode,
    ).toBe(403);
  });

  it('signs with a full schedule, values the money received in USD, and explains a refused step', async () => {
    let agreement = await draftAs(people.officerA.cookie);
    const url = `/api/v1/agreements/${agreement.id}`;
    const stepTo = async (action: string, extra: Record<string, unknown> = {}) => {
      const response = await as(people.officerA.cookie).send('POST', `${url}/transitions`, {
        action,
        version: agreement.version,
        ...extra,
      });
      if (response.statusCode === 200) agreement = response.json<Agreement>();
      return response;
    };
    expect((await stepTo('submit')).statusCode).toBe(200);
    expect((await stepTo('approve')).statusCode).toBe(200);
    const refused = await stepTo('sign', { signedOn: today });
    expect(refused.statusCode).toBe(409);
    expect(problemOf(refused)).toMatchObject({
      code: 'TRANSITION_REFUSED',
      errors: [{ field: 'tranches', rule: 'schedule_matches_total' }],
    });
    for (const [days, amount] of [
      [-5, 100_000_00],
      [90, 200_000_00],
    ] as const) {
      await as(people.officerA.cookie).send('POST', `${url}/tranches`, {
        plannedOn: daysFromToday(days),
        amountMinor: amount,
      });
    }
    expect((await stepTo('sign', { signedOn: today })).statusCode).toBe(200);
    expect(agreement.status).toBe('SIGNED');

    // The obligations promised; results-service works out the reporting calendar from their event.
    const obligations = await as(people.officerA.cookie).send('PUT', `${url}/obligations`, {
      version: agreement.version,
      obligations: [
        { type: 'NARRATIVE_PROGRESS', frequency: 'ANNUAL', daysAfterPeriodEnd: 60 },
        { type: 'CERTIFIED_FINANCIAL', frequency: 'FINAL', daysAfterPeriodEnd: 180, notes: 'certified' },
      ],
    });
    expect(obligations.statusCode, obligations.body).toBe(200);
    agreement = (await as(people.officerA.cookie).get(url)).json<Agreement>();
    const calendar = await waitFor(async () => {
      const page = (
        await as(people.viewer.cookie).get(`/api/v1/reports?agreementId=${agreement.id}`)
      ).json<ReportDuePage>();
      return page.total === 3 ? page : undefined;
    });
    expect(calendar.items.map((r) => `${r.type} ${r.periodStart} ${r.periodEnd} ${r.dueOn}`)).toEqual([
      `NARRATIVE_PROGRESS ${daysFromToday(-10)} ${addDays(addMonths(daysFromToday(-10), 12), -1)} ${addDays(addMonths(daysFromToday(-10), 12), 59)}`,
      `NARRATIVE_PROGRESS ${addMonths(daysFromToday(-10), 12)} ${daysFromToday(700)} ${addDays(daysFromToday(700), 60)}`,
      `CERTIFIED_FINANCIAL ${daysFromToday(-10)} ${daysFromToday(700)} ${addDays(daysFromToday(700), 180)}`,
    ]);
    expect(calendar.items[0]).toMatchObject({
      agreementReference: agreement.reference,
      status: 'UPCOMING',
      partnerIds: [partner.id],
    });
    const forPartner = (
      await as(people.viewer.cookie).get(`/api/v1/reports?partnerId=${partner.id}`)
    ).json<ReportDuePage>();
    expect(forPartner.total).toBeGreaterThanOrEqual(3);

    // Finance imports the month's EUR rate from a CSV, then records the first tranche received.
    const csv = `Currency;Month;Rate\r\nEUR;${month};0.8\r\nGBP;${month};0.75\r\n`;
    const imported = await harness.request('POST', '/api/v1/currency-rates/import', {
      cookie: people.finance.cookie,
      body: csv,
      headers: { 'content-type': 'text/csv' },
    });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json<CurrencyRateList>().items.map((r) => `${r.currency} ${r.ratePerUsd}`)).toEqual([
      'EUR 0.8',
      'GBP 0.75',
    ]);
    const badCsv = await harness.request('POST', '/api/v1/currency-rates/import', {
      cookie: people.finance.cookie,
      body: `Currency,Month,Rate\r\nEUR,${month},0.8\r\nXYZ,2026-13,-1\r\n`,
      headers: { 'content-type': 'text/csv' },
    });
    expect(badCsv.statusCode).toBe(400);
    expect(problemOf(badCsv).errors?.map((e) => e.field)).toEqual([
      'row 3 currency',
      'row 3 month',
      'row 3 ratePerUsd',
    ]);

    const schedule = (await as(people.finance.cookie).get(`${url}/tranches`)).json<TrancheSchedule>();
    expect(schedule.items[0]!.status).toBe('OVERDUE');
    const received = await as(people.finance.cookie).send(
      'POST',
      `${url}/tranches/${schedule.items[0]!.id}/receipt`,
      {
        receivedOn: today,
        receivedMinor: 100_000_00,
      },
    );
    expect(received.statusCode, received.body).toBe(200);
    expect(received.json<TrancheSchedule>()).toMatchObject({
      receivedMinor: 100_000_00,
      receivedUsdMinor: 125_000_00,
      items: [
        { status: 'RECEIVED', receivedUsd: { minor: 125_000_00, ratePerUsd: '0.8', rateMonth: month } },
        { status: 'PLANNED' },
      ],
    });
    const after = (await as(people.viewer.cookie).get(url)).json<Agreement>();
    expect(after).toMatchObject({
      receivedUsdMinor: 125_000_00,
      totalUsd: { minor: 375_000_00, ratePerUsd: '0.8', rateMonth: month },
    });

    // The partner's timeline follows the agreement's events.
    const timeline = await waitFor(async () => {
      const page = (
        await as(people.viewer.cookie).get(`/api/v1/partners/${partner.id}/timeline?limit=100`)
      ).json<PartnerTimeline>();
      const mine = page.items.filter((e) => e.agreementId === agreement.id);
      return mine.some((e) => e.kind === 'TRANCHE_RECEIVED') ? mine : undefined;
    });
    expect(
      timeline.map((e) => (e.kind === 'AGREEMENT_STATUS' ? `${e.kind} ${String(e.detail.to)}` : e.kind)),
    ).toEqual([
      'TRANCHE_RECEIVED',
      'AGREEMENT_STATUS SIGNED',
      'AGREEMENT_STATUS PENDING_SIGNATURE',
      'AGREEMENT_STATUS IN_REVIEW',
      'AGREEMENT_DRAFTED',
    ]);
    expect(timeline[0]!.detail).toMatchObject({
      currency: 'EUR',
      receivedMinor: 100_000_00,
      usdMinor: 125_000_00,
    });

    const history = await as(people.viewer.cookie).get(`${url}/history`);
    expect(history.json<{ items: { action: string; actorName: string | null }[] }>().items[0]).toMatchObject({
      action: 'tranche.received',
      actorName: 'finance person',
    });
  });

  it('amends a signed agreement by type: a new version of the terms, each version readable, diffs between them', async () => {
    const agreement = await signedAs(people.officerA.cookie);
    const url = `/api/v1/agreements/${agreement.id}`;
    const wrongType = await as(people.officerA.cookie).send('POST', `${url}/amendments`, {
      type: 'BUDGET_UP_TO_20',
      reason: 'more money',
      changes: { totalMinor: agreement.totalMinor * 2 },
    });
    expect(wrongType.statusCode).toBe(400);
    expect(problemOf(wrongType).errors).toEqual([
      expect.objectContaining({ field: 'changes.totalMinor', rule: 'budget_up_to_20' }),
    ]);

    const proposed = await as(people.officerA.cookie).send('POST', `${url}/amendments`, {
      type: 'NO_COST_EXTENSION',
      reason: 'recruitment took six months longer',
      changes: { endOn: daysFromToday(880) },
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const amendment = proposed.json<Amendment>();
    expect(amendment).toMatchObject({
      sequence: 1,
      status: 'PROPOSED',
      changes: [{ field: 'endOn', before: daysFromToday(700), after: daysFromToday(880) }],
    });
    const unsigned = await as(people.officerA.cookie).send(
      'POST',
      `${url}/amendments/${amendment.id}/approve`,
      { version: agreement.version },
    );
    expect(problemOf(unsigned).errors).toEqual([
      expect.objectContaining({ rule: 'signature_date_required' }),
    ]);
    const approved = await as(people.officerA.cookie).send(
      'POST',
      `${url}/amendments/${amendment.id}/approve`,
      { version: agreement.version, signedOn: today },
    );
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json<Amendment>()).toMatchObject({
      status: 'APPROVED',
      makesVersion: 1,
      signedOn: today,
    });

    const after = (await as(people.viewer.cookie).get(url)).json<Agreement>();
    expect(after.endOn).toBe(daysFromToday(880));
    const versions = (await as(people.viewer.cookie).get(`${url}/versions`)).json<AgreementVersionList>();
    expect(versions.items.map((v) => [v.number, v.amendmentType, v.terms.endOn])).toEqual([
      [0, null, daysFromToday(700)],
      [1, 'NO_COST_EXTENSION', daysFromToday(880)],
    ]);
    const diff = (await as(people.viewer.cookie).get(`${url}/versions/diff?from=0&to=1`)).json<VersionDiff>();
    expect(diff.changes).toEqual([{ field: 'endOn', before: daysFromToday(700), after: daysFromToday(880) }]);
    expect((await as(people.viewer.cookie).get(`${url}/versions/diff?from=0&to=7`)).statusCode).toBe(400);
    const history = (await as(people.viewer.cookie).get(`${url}/history`)).json<{
      items: { action: string; note: string | null }[];
    }>();
    expect(history.items[0]).toMatchObject({
      action: 'amendment.approved',
      note: expect.stringContaining('NO_COST_EXTENSION'),
    });

    // A rejection changes nothing of the agreement: audited on it, its version kept (an officer
    // editing it meanwhile gets no conflict).
    const second = (
      await as(people.officerA.cookie).send('POST', `${url}/amendments`, {
        type: 'NO_COST_EXTENSION',
        reason: 'another six months',
        changes: { endOn: daysFromToday(1_060) },
      })
    ).json<Amendment>();
    const unexplained = await as(people.officerA.cookie).send(
      'POST',
      `${url}/amendments/${second.id}/reject`,
      { version: after.version },
    );
    expect(problemOf(unexplained).errors).toEqual([expect.objectContaining({ rule: 'reason_required' })]);
    const rejected = await as(people.officerA.cookie).send('POST', `${url}/amendments/${second.id}/reject`, {
      version: after.version,
      reason: 'the donor prefers a cost extension',
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json<Amendment>()).toMatchObject({ status: 'REJECTED', makesVersion: null });
    const untouched = (await as(people.viewer.cookie).get(url)).json<Agreement>();
    expect([untouched.version, untouched.endOn]).toEqual([after.version, daysFromToday(880)]);
    const rejection = (await as(people.viewer.cookie).get(`${url}/history`)).json<{
      items: { action: string; note: string | null }[];
    }>();
    expect(rejection.items[0]).toMatchObject({
      action: 'amendment.rejected',
      note: expect.stringContaining('the donor prefers a cost extension'),
    });
  });

  it('registers projects funded by agreements, and values their expenditure in USD by month', async () => {
    const agreement = await draftAs(people.officerA.cookie);
    const code = `KEN/26/${newId().slice(-4).toUpperCase()}/NOR`;
    const project = {
      code,
      title: 'Jobs for youth in Kisumu',
      status: '2',
      agreementIds: [agreement.id],
      plannedStart: daysFromToday(-10),
      plannedEnd: daysFromToday(700),
      currency: 'EUR',
      budgets: [{ year: 2026, amountMinor: 100_000_00 }],
      essf: { riskLevel: 'MODERATE', screenedOn: today, mitigation: 'grievance mechanism' },
      seahFocalPoint: { name: 'Amina Otieno', email: 'otieno@ilo.org' },
    };
    expect((await as(people.officerB.cookie).send('POST', '/api/v1/projects', project)).statusCode).toBe(403);
    const created = await as(people.officerA.cookie).send('POST', '/api/v1/projects', project);
    expect(created.statusCode, created.body).toBe(201);
    const registered = created.json<Project>();
    expect(registered.iatiIdentifier).toBe(`XM-DAC-41302-${code.replace(/\//g, '-')}`);
    // Only people responsible for every funding agreement change it.
    const editedByB = await as(people.officerB.cookie).send('PUT', `/api/v1/projects/${registered.id}`, {
      ...project,
      title: 'Taken over',
      version: registered.version,
    });
    expect(editedByB.statusCode).toBe(403);
    const edited = await as(people.officerA.cookie).send('PUT', `/api/v1/projects/${registered.id}`, {
      ...project,
      title: 'Jobs for youth in Kisumu and Siaya',
      version: registered.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const stale = await as(people.officerA.cookie).send('PUT', `/api/v1/projects/${registered.id}`, {
      ...project,
      version: registered.version,
    });
    expect(problemOf(stale).code).toBe('VERSION_CONFLICT');
    const current = edited.json<Project>();
    const twice = await as(people.officerA.cookie).send('POST', '/api/v1/projects', project);
    expect(problemOf(twice).errors).toEqual([expect.objectContaining({ field: 'code', rule: 'unique' })]);
    const badDates = await as(people.officerA.cookie).send('POST', '/api/v1/projects', {
      ...project,
      code: `${code}X`,
      plannedEnd: daysFromToday(-20),
    });
    expect(problemOf(badDates).errors).toEqual([
      expect.objectContaining({ field: 'plannedEnd', rule: 'date_order' }),
    ]);

    await as(people.finance.cookie).send('PUT', '/api/v1/currency-rates', {
      rates: [{ currency: 'EUR', month: '2026-02', ratePerUsd: '0.8' }],
    });
    expect(
      (
        await as(people.officerA.cookie).send('PUT', `/api/v1/projects/${registered.id}/expenditures`, {
          version: current.version,
          expenditures: [],
        })
      ).statusCode,
    ).toBe(403);
    const spent = await as(people.finance.cookie).send(
      'PUT',
      `/api/v1/projects/${registered.id}/expenditures`,
      {
        version: current.version,
        expenditures: [
          { month: '2026-02', amountMinor: 8_000_00 },
          { month: '1999-01', amountMinor: 1_00 },
        ],
      },
    );
    expect(spent.statusCode, spent.body).toBe(200);
    expect(spent.json<Project>().expenditures).toEqual([
      { month: '1999-01', amountMinor: 1_00, usd: null },
      {
        month: '2026-02',
        amountMinor: 8_000_00,
        usd: { minor: 10_000_00, ratePerUsd: '0.8', rateMonth: '2026-02' },
      },
    ]);
    const listed = (await as(people.viewer.cookie).get(`/api/v1/projects?agreementId=${agreement.id}`)).json<{
      items: Project[];
    }>();
    expect(listed.items.map((p) => p.code)).toEqual([code]);
  });

  it('refuses to add a partner that a red flag blocks, by field and rule', async () => {
    const flagged = await registerPartner(`Flagged ${newId().slice(-6)}`);
    const raised = await as(adminCookie).send('POST', `/api/v1/partners/${flagged.id}/flags`, {
      level: 'RED',
      category: 'SEXUAL_EXPLOITATION_AND_ABUSE',
      comment: 'allegation under investigation',
    });
    expect(raised.statusCode, raised.body).toBe(200);
    await waitFor(async () => {
      const options = await as(adminCookie).get(
        `/api/v1/agreements/partner-options?q=${encodeURIComponent(flagged.name)}`,
      );
      return (
        options.json<{ items: { blockedForNewAgreements: boolean }[] }>().items[0]
          ?.blockedForNewAgreements === true
      );
    });
    const refused = await as(people.officerA.cookie).send(
      'POST',
      '/api/v1/agreements',
      terms([partner.id, flagged.id]),
    );
    expect(refused.statusCode).toBe(400);
    expect(problemOf(refused).errors).toEqual([
      expect.objectContaining({ field: 'partnerIds.1', rule: 'partner_blocked' }),
    ]);
  });

  it('lists with filters and the USD total of the filtered set, and exports exactly that', async () => {
    const listed = (
      await as(people.viewer.cookie).get(
        `/api/v1/agreements?partnerId=${partner.id}&sort=reference&pageSize=5`,
      )
    ).json<AgreementPage>();
    expect(listed.total).toBeGreaterThan(5);
    expect(listed.items).toHaveLength(5);
    expect(listed.totals.usdMinor).toBeGreaterThan(0);
    const exported = await as(people.viewer.cookie).get(
      `/api/v1/agreements/export?format=xlsx&partnerId=${partner.id}&sort=reference`,
    );
    expect(exported.statusCode).toBe(200);
    const sheet = (await readSheet(exported.rawPayload)) as (string | number | null)[][];
    expect(sheet[0]!.slice(0, 3)).toEqual(['Reference', 'Title', 'Funding partners']);
    expect(sheet.length - 1).toBe(listed.total);
    expect(sheet.slice(1, 6).map((row) => row[0])).toEqual(listed.items.map((a) => a.reference));
    const bad = await as(people.viewer.cookie).get('/api/v1/agreements?status=SIGNED_MAYBE&minUsd=-1');
    expect(
      problemOf(bad)
        .errors?.map((e) => e.field)
        .sort(),
    ).toEqual(['minUsd', 'status']);
  });
});
