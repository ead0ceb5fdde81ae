import type { Language } from '../../../i18n/languages';
import type { PartnerImport, PartnerImportRow } from '@pardev/contracts';
import { PartnerImportSchema } from '@pardev/contracts';
import { configure, fireEvent, getConfig, screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  mockFetch,
  problemResponse,
  renderWithApp,
  requestedUrls,
  type FetchHandler,
} from '../../../testing/test-utils';
import { PartnerImport as PartnerImportPage } from './partner-import';

const importId = '0190f3a2-7c4e-7b1a-9c2d-3e4f5a6b7f01';
const officerId = '0190f3a2-7c4e-7b1a-9c2d-3e4f5a6b7c01';

const importOf = (overrides: Partial<PartnerImport> = {}): PartnerImport =>
  PartnerImportSchema.parse({
    id: importId,
    fileName: 'partners.csv',
    format: 'csv',
    status: 'READY',
    columns: ['name', 'acronym', 'country', 'category'],
    ignoredColumns: ['Budget'],
    rowCount: 5,
    planned: { create: 2, update: 1, skip: 0, error: 2 },
    progress: { done: 0, total: 0, created: 0, updated: 0, failed: 0 },
    createdBy: officerId,
    createdAt: '2026-11-27T10:00:00.000Z',
    checkedAt: '2026-11-27T10:00:01.000Z',
    appliedAt: null,
    finishedAt: null,
    ...overrides,
  });

const row = (rowNumber: number, overrides: Partial<PartnerImportRow>): PartnerImportRow => ({
  rowNumber,
  outcome: 'CREATE',
  values: { name: `Partner ${rowNumber}` },
  partnerId: null,
  changedFields: [],
  errors: [],
  ...overrides,
});

const errorRows = [
  row(3, {
    outcome: 'ERROR',
    values: { name: '', country: 'SE' },
    errors: [{ field: 'name', rule: 'too_small', message: 'is required' }],
  }),
  row(7, {
    outcome: 'ERROR',
    values: { name: 'Acme Holdings', country: 'XX' },
    errors: [{ field: 'country', rule: 'invalid_value', message: 'is not a country in the ISO 3166-1 list' }],
  }),
];
const otherRows = [
  row(2, { values: { name: 'Fondation Botnar' } }),
  row(4, {
    outcome: 'UPDATE',
    values: { name: 'SIDA' },
    partnerId: '0190f3a2-7c4e-7b1a-9c2d-3e4f5a6b7c8d',
    changedFields: ['country', 'tags'],
  }),
  row(5, { values: { name: 'Wellcome Trust' } }),
];

const rowsPage = (url: URL, rows: PartnerImportRow[]) => {
  const outcome = url.searchParams.get('outcome');
  const items = rows
    .filter((r) => !outcome || r.outcome === outcome)
    .sort((a, b) => a.rowNumber - b.rowNumber);
  return {
    body: {
      items,
      total: items.length,
      page: Number(url.searchParams.get('page')),
      pageSize: Number(url.searchParams.get('pageSize')),
    },
  };
};

const renderImport = (entry = '/partners/import', language: Language = 'en') =>
  renderWithApp({
    routes: [
      { path: '/partners/import', element: <PartnerImportPage pollMs={20} /> },
      { path: '/partners', element: <h1>Partners list</h1> },
    ],
    initialEntries: [entry],
    language,
  });

const chooseFile = (file: File) => {
  const input = document.querySelector<HTMLInputElement>('input[type="file"]');
  if (!input) throw new Error('no file input');
  fireEvent.change(input, { target: { files: [file] } });
};

const csv = (name = 'partners.csv') =>
  new File(['Name,Acronym,Country\nFondation Botnar,,CH\n'], name, { type: 'text/csv' });

describe('importing partners', { timeout: 20_000 }, () => {
  const { asyncUtilTimeout } = getConfig();
  beforeAll(() => configure({ asyncUtilTimeout: 5_000 }));
  afterAll(() => configure({ asyncUtilTimeout }));

  it('says which columns are read and that the list’s export is a template', () => {
    mockFetch(() => undefined);
    renderImport();
    const columns = screen.getByRole('region', { name: 'Columns read' });
    for (const header of ['Id', 'Name', 'Country', 'IATI identifier', 'ILO category', 'Tags']) {
      expect(within(columns).getByText(header)).toBeTruthy();
    }
    expect(
      within(columns)
        .getByRole('link', { name: 'Download the list as an Excel template' })
        .getAttribute('href'),
    ).toBe('/api/v1/partners/export?format=xlsx');
  });

  it('sends the chosen file for a dry run and shows each error with its row and field', async () => {
    const fetchMock = mockFetch(({ url, method }) => {
      if (method === 'POST' && url.pathname === '/api/v1/partners/imports') {
        return { status: 201, body: importOf() };
      }
      if (url.pathname === `/api/v1/partners/imports/${importId}/rows`) {
        return rowsPage(url, [...errorRows, ...otherRows]);
      }
      if (url.pathname === `/api/v1/partners/imports/${importId}`) return { body: importOf() };
      return undefined;
    });
    const { router } = renderImport();
    const file = csv();
    chooseFile(file);

    // The errors first, each naming its row and the field as the partner form labels it.
    expect(await screen.findByText('Row 7 · Country: is not one of the accepted values')).toBeTruthy();
    expect(screen.getByText('Row 3 · Name: is empty or too short')).toBeTruthy();
    expect(screen.queryByText('Fondation Botnar')).toBeNull();

    // The raw file went as text/csv, named in the query.
    const upload = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(String(upload?.[0])).toBe('/api/v1/partners/imports?fileName=partners.csv');
    expect(new Headers(upload?.[1]?.headers).get('content-type')).toBe('text/csv');
    expect(upload?.[1]?.body).toBe(file);
    expect(router.state.location.search).toBe(`?id=${importId}`);
    expect(requestedUrls(fetchMock)).toContain(
      `/api/v1/partners/imports/${importId}/rows?outcome=ERROR&page=1&pageSize=50`,
    );

    // The summary, and what happens to the rows in error.
    expect(screen.getByTestId('import-count-create').textContent).toBe('To create2');
    expect(screen.getByTestId('import-count-update').textContent).toBe('To update1');
    expect(screen.getByTestId('import-count-error').textContent).toBe('With errors2');
    expect(screen.getByTestId('import-ignored-columns').textContent).toContain('Budget');
    expect(screen.getByText('2 rows have errors and will be left out')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Import 3 partners' })).toBeTruthy();

    // Every row, or only those to update (with what changes).
    fireEvent.click(screen.getByRole('radio', { name: 'To update (1)' }));
    expect(await screen.findByText('Changes: Country and Tags')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'SIDA' }).getAttribute('href')).toBe(
      '/partners/0190f3a2-7c4e-7b1a-9c2d-3e4f5a6b7c8d',
    );
    fireEvent.click(screen.getByRole('radio', { name: 'All (5)' }));
    expect(await screen.findByText('Fondation Botnar')).toBeTruthy();
    expect(screen.getAllByTestId('import-row')).toHaveLength(5);

    // Another file starts again.
    fireEvent.click(screen.getAllByRole('button', { name: 'Choose another file' })[0] as HTMLElement);
    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect(screen.getByText('CSV or Excel file')).toBeTruthy();
  });

  it('names the fields in French', async () => {
    mockFetch(({ url }) => {
      if (url.pathname.endsWith('/rows')) return rowsPage(url, errorRows);
      if (url.pathname === `/api/v1/partners/imports/${importId}`) return { body: importOf() };
      return undefined;
    });
    renderImport(`/partners/import?id=${importId}`, 'fr');
    expect(await screen.findByText('Ligne 7 · Pays : ne fait pas partie des valeurs acceptées')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Importer 3 partenaires' })).toBeTruthy();
  });

  it('says each row error in the user’s language by its rule, keeping what only the server knows', async () => {
    const rows = [
      row(4, {
        outcome: 'ERROR',
        errors: [{ field: 'name', rule: 'duplicate_row', message: 'is the same partner as row 2' }],
      }),
      row(6, {
        outcome: 'ERROR',
        errors: [{ field: 'iatiIdentifier', rule: 'unique', message: 'is already the identifier of Sida' }],
      }),
      row(8, {
        outcome: 'ERROR',
        errors: [{ field: 'id', rule: 'changed_since_check', message: 'the partner was changed' }],
      }),
      row(9, {
        outcome: 'ERROR',
        errors: [{ field: 'name', rule: 'some_new_rule', message: 'a reason the admin does not know yet' }],
      }),
    ];
    mockFetch(({ url }) => {
      if (url.pathname.endsWith('/rows')) return rowsPage(url, rows);
      if (url.pathname === `/api/v1/partners/imports/${importId}`) return { body: importOf() };
      return undefined;
    });
    renderImport(`/partners/import?id=${importId}`, 'es');
    expect(await screen.findByText('Fila 4 · Nombre: es el mismo socio que la fila 2')).toBeTruthy();
    expect(screen.getByText(/^Fila 6 · .+: ya es el identificador de Sida$/)).toBeTruthy();
    expect(
      screen.getByText(
        'Fila 8 · Id: otra persona modificó este socio después de la comprobación: expórtelo de nuevo y vuelva a importarlo',
      ),
    ).toBeTruthy();
    expect(screen.getByText('Fila 9 · Nombre: a reason the admin does not know yet')).toBeTruthy();
  });

  it('refuses a file that is neither CSV nor Excel without sending it', async () => {
    const fetchMock = mockFetch(() => undefined);
    renderImport();
    chooseFile(new File(['%PDF'], 'partners.pdf', { type: 'application/pdf' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Choose a CSV (.csv) or Excel (.xlsx) file.')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('shows the server’s reason when the file itself cannot be read', async () => {
    mockFetch(({ method }) =>
      method === 'POST'
        ? {
            ...problemResponse(400, 'VALIDATION_FAILED', { correlationId: 'c-400' }),
            body: {
              type: 'about:blank',
              title: 'Validation failed',
              status: 400,
              code: 'VALIDATION_FAILED',
              detail: 'the file has no Name column',
              correlationId: 'c-400',
            },
          }
        : undefined,
    );
    const { router } = renderImport();
    chooseFile(csv('budget.csv'));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('This file cannot be imported')).toBeTruthy();
    expect(within(alert).getByText('the file has no Name column')).toBeTruthy();
    expect(within(alert).getByTestId('correlation-id').textContent).toBe('Reference: c-400');
    expect(router.state.location.search).toBe('');
  });

  it('offers no import when nothing would be written', async () => {
    mockFetch(({ url }) => {
      if (url.pathname.endsWith('/rows')) return rowsPage(url, errorRows);
      return { body: importOf({ rowCount: 2, planned: { create: 0, update: 0, skip: 0, error: 2 } }) };
    });
    renderImport(`/partners/import?id=${importId}`);
    const apply = await screen.findByRole('button', { name: 'Import 0 partners' });
    expect(apply.hasAttribute('disabled')).toBe(true);
    expect(screen.getByText('Nothing to import: every row is unchanged or has errors.')).toBeTruthy();
  });

  it('applies the import, shows the progress until it is done, then what was written and what failed', async () => {
    let polls = 0;
    const started = { done: 0, total: 3, created: 0, updated: 0, failed: 0 };
    const halfway = { done: 2, total: 3, created: 1, updated: 1, failed: 0 };
    let applied = false;
    const handler: FetchHandler = ({ url, method }) => {
      if (method === 'POST' && url.pathname === `/api/v1/partners/imports/${importId}/apply`) {
        applied = true;
        return { status: 202, body: importOf({ status: 'APPLYING', progress: started }) };
      }
      if (url.pathname.endsWith('/rows')) {
        const failed = row(5, {
          outcome: 'FAILED',
          values: { name: 'Wellcome Trust' },
          errors: [{ field: 'name', rule: 'unique', message: 'another partner took this name meanwhile' }],
        });
        return rowsPage(url, [...errorRows, failed]);
      }
      if (url.pathname !== `/api/v1/partners/imports/${importId}`) return undefined;
      if (!applied) return { body: importOf() };
      polls += 1;
      // Two answers while it runs (the bar grows), then done.
      if (polls <= 2) return { body: importOf({ status: 'APPLYING', progress: halfway }) };
      return {
        body: importOf({
          status: 'DONE',
          progress: { done: 3, total: 3, created: 1, updated: 1, failed: 1 },
          finishedAt: '2026-11-27T10:01:00.000Z',
        }),
      };
    };
    const fetchMock = mockFetch(handler);
    const { router } = renderImport(`/partners/import?id=${importId}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Import 3 partners' }));

    const bar = await screen.findByRole('progressbar', { name: 'Rows written' });
    expect(bar.getAttribute('aria-valuemax')).toBe('3');
    await waitFor(() => expect(screen.getByTestId('import-progress-count').textContent).toBe('2 / 3'));
    expect(screen.getByRole('progressbar').getAttribute('aria-valuetext')).toBe('2 of 3 rows written');

    expect(await screen.findByText('Import finished')).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByTestId('import-count-created').textContent).toBe('Created1');
    expect(screen.getByTestId('import-count-updated').textContent).toBe('Updated1');
    expect(screen.getByTestId('import-count-failed').textContent).toBe('Failed1');
    expect(screen.getByTestId('import-count-leftOut').textContent).toBe('Left out (errors)2');
    expect(
      await screen.findByText('Row 5 · Name: is already used by another registered partner'),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: 'With errors (2)' }));
    expect(await screen.findByText('Row 7 · Country: is not one of the accepted values')).toBeTruthy();

    // Polling stopped once done.
    const pollsWhenDone = polls;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(polls).toBe(pollsWhenDone);
    expect(requestedUrls(fetchMock)).toContain(`/api/v1/partners/imports/${importId}/apply`);

    fireEvent.click(screen.getByRole('link', { name: 'Back to partners' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/partners'));
  });
});
