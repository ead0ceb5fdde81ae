import type {
  AuditViewPage,
  Partner,
  PartnerImport,
  PartnerImportRowPage,
  PartnerPage,
  Role,
  SavedView,
  SavedViews,
  User,
} from '@pardev/contracts';
import { newId } from '@pardev/persistence';
import { type BusKind, type DatabaseKind } from '@pardev/testing';
import { readSheet } from 'read-excel-file/node';
import writeXlsxFile from 'write-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HARNESS_ADMIN,
  problemOf,
  startGatewayHarness,
  type GatewayHarness,
  type Method,
} from '../../testing/gateway-harness';
import { XLSX_CONTENT_TYPE } from './import-file';

const combinations = (): [BusKind, DatabaseKind][] => {
  const runs: [BusKind, DatabaseKind][] = [['embedded', 'pglite']];
  if (process.env.TEST_NATS_URL && process.env.TEST_DATABASE_URL) runs.push(['nats', 'postgres']);
  return runs;
};

const PASSWORD = 'correct horse battery staple';
const HEADER = 'Name,Acronym,IATI organisation type,ILO category,Country,Tags';

describe.each(combinations())(
  'partner import, Excel export and saved views (%s bus, %s)',
  (busKind, dbKind) => {
    let harness: GatewayHarness;
    let adminCookie: string;
    const people = {} as Record<'officerA' | 'officerB' | 'viewer', User & { cookie: string }>;
    const tag = `t${newId().slice(-8)}`;

    const as = (cookie: string) => ({
      get: (url: string) => harness.request('GET', url, { cookie }),
      send: (method: Method, url: string, body?: unknown) => harness.request(method, url, { cookie, body }),
      upload: (fileName: string, body: string | Buffer, contentType = 'text/csv') =>
        harness.request('POST', `/api/v1/partners/imports?fileName=${encodeURIComponent(fileName)}`, {
          cookie,
          body,
          headers: { 'content-type': contentType },
        }),
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
    const checked = async (cookie: string, fileName: string, body: string | Buffer, type?: string) => {
      const response = await as(cookie).upload(fileName, body, type);
      expect(response.statusCode, response.body).toBe(201);
      return response.json<PartnerImport>();
    };
    const rowsOf = async (cookie: string, id: string, outcome = '') =>
      (
        await as(cookie).get(
          `/api/v1/partners/imports/${id}/rows?pageSize=100${outcome ? `&outcome=${outcome}` : ''}`,
        )
      ).json<PartnerImportRowPage>();
    const applied = async (cookie: string, id: string): Promise<PartnerImport> => {
      const started = await as(cookie).send('POST', `/api/v1/partners/imports/${id}/apply`);
      expect(started.statusCode, started.body).toBe(202);
      expect(started.json<PartnerImport>().status).toMatch(/APPLYING|DONE/);
      const deadline = Date.now() + 20_000;
      for (;;) {
        const current = (await as(cookie).get(`/api/v1/partners/imports/${id}`)).json<PartnerImport>();
        if (current.status === 'DONE' || Date.now() > deadline) return current;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    const tagged = async (cookie: string) =>
      (await as(cookie).get(`/api/v1/partners?tag=${tag}&pageSize=100`)).json<PartnerPage>();

    beforeAll(async () => {
      harness = await startGatewayHarness(busKind, dbKind);
      adminCookie = await harness.login(HARNESS_ADMIN.email, HARNESS_ADMIN.password);
      await invite('officerA', ['officer']);
      await invite('officerB', ['officer']);
      await invite('viewer', ['viewer']);
    });

    afterAll(async () => {
      await harness?.close();
    });

    it('checks a CSV row by row (errors with row and field), then writes the good rows with progress', async () => {
      const csv = [
        HEADER,
        `Norad ${tag},NORAD,10,GOVERNMENT_OECD_DAC,NO,${tag}`,
        `,NONAME,10,GOVERNMENT_OECD_DAC,NO,${tag}`,
        `"Fundación ""Luz"" ${tag}",,60,Foundation,es,${tag}; pooled fund`,
        `Moon Agency ${tag},MA,10,GOVERNMENT_OECD_DAC,XX,${tag}`,
        '',
        `Acme ${tag} Ltd,,70,PRIVATE_SECTOR,GB,${tag}`,
      ].join('\r\n');
      const dryRun = await checked(people.officerA.cookie, 'partners.csv', csv);
      expect(dryRun).toMatchObject({
        status: 'READY',
        fileName: 'partners.csv',
        format: 'csv',
        rowCount: 5,
        planned: { create: 3, update: 0, skip: 0, error: 2 },
        columns: ['name', 'acronym', 'organisationType', 'category', 'country', 'tags'],
      });
      const errors = await rowsOf(people.officerA.cookie, dryRun.id, 'ERROR');
      expect(errors.items.map((row) => [row.rowNumber, row.errors.map((e) => e.field)])).toEqual([
        [3, ['name']],
        [5, ['country']],
      ]);
      // The empty line 6 is not a row, and the next one keeps its spreadsheet number.
      expect(
        (await rowsOf(people.officerA.cookie, dryRun.id, 'CREATE')).items.map((r) => r.rowNumber),
      ).toEqual([2, 4, 7]);
      expect((await tagged(adminCookie)).total).toBe(0);

      const done = await applied(people.officerA.cookie, dryRun.id);
      expect(done).toMatchObject({
        status: 'DONE',
        progress: { done: 3, total: 3, created: 3, updated: 0, failed: 0 },
      });
      const partners = (await tagged(adminCookie)).items;
      expect(partners.map((p) => p.name).sort()).toEqual([
        `Acme ${tag} Ltd`,
        `Fundación "Luz" ${tag}`,
        `Norad ${tag}`,
      ]);
      const foundation = partners.find((p) => p.name.startsWith('Fundación'))!;
      expect(foundation).toMatchObject({
        category: 'FOUNDATION',
        country: 'ES',
        ownership: 'PRIVATE',
        tags: [tag, 'pooled fund'],
        responsibleOfficerId: people.officerA.id,
      });
      const history = (
        await as(adminCookie).get(`/api/v1/partners/${foundation.id}/history`)
      ).json<AuditViewPage>();
      expect(history.items[0]).toMatchObject({
        action: 'partner.registered',
        note: 'imported from partners.csv, row 4',
      });

      // Applied once: a second apply is refused, and the created rows point at their partners.
      const again = await as(people.officerA.cookie).send(
        'POST',
        `/api/v1/partners/imports/${dryRun.id}/apply`,
      );
      expect(again.statusCode).toBe(409);
      expect(problemOf(again).code).toBe('IMPORT_NOT_OPEN');
      const created = await rowsOf(people.officerA.cookie, dryRun.id, 'CREATED');
      expect(created.items.map((r) => r.partnerId).sort()).toEqual(partners.map((p) => p.id).sort());
    });

    it('takes its own Excel export back: unchanged rows are skipped, an edited cell is an update', async () => {
      const exported = await as(people.officerA.cookie).get(
        `/api/v1/partners/export?format=xlsx&tag=${tag}&sort=name`,
      );
      expect(exported.statusCode, exported.body).toBe(200);
      expect(exported.headers['content-type']).toBe(XLSX_CONTENT_TYPE);
      expect(exported.headers['content-disposition']).toMatch(
        /^attachment; filename="partners-\d{4}-\d{2}-\d{2}\.xlsx"$/,
      );
      const sheet = (await readSheet(exported.rawPayload)) as (string | number | null)[][];
      expect(sheet[0]).toEqual(expect.arrayContaining(['Name', 'IATI identifier', 'Status', 'Notes', 'Id']));
      expect(sheet.slice(1).map((row) => row[0])).toEqual([
        `Acme ${tag} Ltd`,
        `Fundación "Luz" ${tag}`,
        `Norad ${tag}`,
      ]);

      const unchanged = await checked(
        people.officerA.cookie,
        'export.xlsx',
        exported.rawPayload,
        XLSX_CONTENT_TYPE,
      );
      expect(unchanged).toMatchObject({
        format: 'xlsx',
        planned: { create: 0, update: 0, skip: 3, error: 0 },
      });
      expect(unchanged.ignoredColumns).toEqual([]);

      const acronym = sheet[0]!.indexOf('Acronym');
      const edited = sheet.map((row, i) =>
        row.map((value, j) => ({ value: i === 2 && j === acronym ? 'FLZ' : (value ?? '') })),
      );
      const workbook = await writeXlsxFile(edited).toBuffer();
      const update = await checked(people.officerA.cookie, 'edited.xlsx', workbook, XLSX_CONTENT_TYPE);
      expect(update.planned).toEqual({ create: 0, update: 1, skip: 2, error: 0 });
      const [row] = (await rowsOf(people.officerA.cookie, update.id, 'UPDATE')).items;
      expect(row).toMatchObject({ rowNumber: 3, changedFields: ['acronym'] });
      expect((await applied(people.officerA.cookie, update.id)).progress).toMatchObject({
        updated: 1,
        failed: 0,
      });
      expect((await as(adminCookie).get(`/api/v1/partners/${row!.partnerId}`)).json<Partner>().acronym).toBe(
        'FLZ',
      );
    });

    it('refuses, row by row, what this officer may not change, and keeps imports to their author', async () => {
      const csv = `Name,Country,Acronym\r\nNorad ${tag},NO,NRD\r\n`;
      const dryRun = await checked(people.officerB.cookie, 'b.csv', csv);
      expect(dryRun.planned.error).toBe(1);
      const [row] = (await rowsOf(people.officerB.cookie, dryRun.id)).items;
      expect(row!.errors).toEqual([expect.objectContaining({ field: 'name', rule: 'not_allowed' })]);
      // Officer A cannot see B's import; a viewer cannot import at all.
      expect((await as(people.officerA.cookie).get(`/api/v1/partners/imports/${dryRun.id}`)).statusCode).toBe(
        404,
      );
      expect((await as(adminCookie).get(`/api/v1/partners/imports/${dryRun.id}`)).statusCode).toBe(200);
      expect((await as(people.viewer.cookie).upload('v.csv', csv)).statusCode).toBe(403);
    });

    it('names what is wrong with a file as a whole, and reads semicolons and Windows-1252', async () => {
      const noName = await as(adminCookie).upload('x.csv', 'Acronym,Country\r\nX,CH\r\n');
      expect(noName.statusCode).toBe(400);
      expect(problemOf(noName).errors).toEqual([
        expect.objectContaining({ field: 'file', rule: 'name_column' }),
      ]);
      const notCsv = await as(adminCookie).upload('x.pdf', '%PDF-1.7', 'application/pdf');
      expect(notCsv.statusCode).toBe(415);
      const notXlsx = await as(adminCookie).upload('x.xlsx', 'not a zip', XLSX_CONTENT_TYPE);
      expect(notXlsx.statusCode).toBe(400);
      expect(problemOf(notXlsx).detail).toMatch(/not a readable Excel workbook/);
      const badQuote = await as(adminCookie).upload('x.csv', 'Name,Country\r\n"Open quote,CH\r\n');
      expect(badQuote.statusCode).toBe(400);
      expect(problemOf(badQuote).detail).toMatch(/not valid CSV/);

      const french = Buffer.from(
        `Nom;Name;Country;ILO category;IATI organisation type\r\nx;Société ${tag};FR;GOVERNMENT_OECD_DAC;10\r\n`,
        'latin1',
      );
      const dryRun = await checked(adminCookie, 'fr.csv', french);
      expect(dryRun.ignoredColumns).toEqual(['Nom']);
      const [row] = (await rowsOf(adminCookie, dryRun.id)).items;
      expect(row).toMatchObject({ outcome: 'CREATE', values: { name: `Société ${tag}`, country: 'FR' } });
    });

    it('keeps saved views private to each person', async () => {
      const mine = as(people.officerA.cookie);
      const saved = await mine.send('POST', '/api/v1/me/saved-views', {
        list: 'partners',
        name: 'Blocked companies',
        query: 'category=PRIVATE_SECTOR&status=BLOCKED',
      });
      expect(saved.statusCode, saved.body).toBe(201);
      const view = saved.json<SavedView>();
      const twice = await mine.send('POST', '/api/v1/me/saved-views', {
        list: 'partners',
        name: 'blocked COMPANIES',
        query: 'status=BLOCKED',
      });
      expect(twice.statusCode).toBe(409);
      expect(problemOf(twice).errors).toEqual([expect.objectContaining({ field: 'name', rule: 'unique' })]);
      const bad = await mine.send('POST', '/api/v1/me/saved-views', {
        list: 'partners',
        name: '',
        query: '?x=1',
      });
      expect(
        problemOf(bad)
          .errors?.map((e) => e.field)
          .sort(),
      ).toEqual(['name', 'query']);

      expect((await mine.get('/api/v1/me/saved-views?list=partners')).json<SavedViews>().items).toEqual([
        view,
      ]);
      const theirs = as(people.officerB.cookie);
      expect((await theirs.get('/api/v1/me/saved-views?list=partners')).json<SavedViews>().items).toEqual([]);
      expect((await theirs.send('DELETE', `/api/v1/me/saved-views/${view.id}`)).statusCode).toBe(404);
      expect((await mine.send('DELETE', `/api/v1/me/saved-views/${view.id}`)).statusCode).toBe(204);
      expect((await mine.get('/api/v1/me/saved-views?list=partners')).json<SavedViews>().items).toEqual([]);
    });
  },
);
