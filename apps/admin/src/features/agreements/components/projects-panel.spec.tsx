import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { agreementFixture, agreementId } from '../../../testing/agreement-fixtures';
import { mockFetch, renderWithApp, sentBodies, signedInAs, staff } from '../../../testing/test-utils';
import { ProjectsPanel } from './projects-panel';

const agreement = agreementFixture({ status: 'SIGNED', signedOn: '2026-01-05' });
const projectId = '0190f3a2-7c4e-7b1a-9c2d-3e4f5a6b7b01';
const project = {
  id: projectId,
  code: 'KEN/26/01/SWE',
  iatiIdentifier: 'XM-DAC-41302-KEN/26/01/SWE',
  title: 'Green jobs for young people in Kenya',
  description: null,
  status: '2',
  agreementIds: [agreementId],
  plannedStart: '2026-01-01',
  plannedEnd: '2027-12-31',
  actualStart: null,
  actualEnd: null,
  currency: 'EUR',
  budgets: [
    { year: 2026, amountMinor: 40_000_000 },
    { year: 2027, amountMinor: 60_000_000 },
  ],
  expenditures: [
    {
      month: '2026-02',
      amountMinor: 1_000_000,
      usd: { minor: 1_086_957, ratePerUsd: '0.92', rateMonth: '2026-02' },
    },
    { month: '2026-03', amountMinor: 2_000_000, usd: null },
  ],
  essf: { riskLevel: 'MODERATE', screenedOn: '2026-01-15', mitigation: null },
  seahFocalPoint: null,
  version: 2,
  createdAt: '2026-01-10T09:00:00.000Z',
  updatedAt: '2026-01-10T09:00:00.000Z',
};

const serve = () =>
  mockFetch(
    signedInAs(staff.ada, ({ url, method }) => {
      if (method === 'GET' && url.pathname === '/api/v1/projects')
        return { body: { items: [project], total: 1, page: 1, pageSize: 100 } };
      if (method === 'PUT' && url.pathname === `/api/v1/projects/${projectId}/expenditures`)
        return { body: { ...project, version: 3 } };
      if (method === 'POST' && url.pathname === '/api/v1/projects') return { status: 201, body: project };
      return undefined;
    }),
  );

describe('projects funded by an agreement', { timeout: 20_000 }, () => {
  it('lists them with budget and spending; finance records expenditure by month with USD or the missing rate', async () => {
    const fetchMock = serve();
    renderWithApp({
      routes: [{ path: '/', element: <ProjectsPanel agreement={agreement} mayChange mayRecord /> }],
    });
    const table = await screen.findByTestId('projects-table');
    const row = within(table).getAllByRole('row')[1] as HTMLElement;
    expect(row.textContent).toContain('KEN/26/01/SWE');
    const text = (row.textContent ?? '').replace(/\s/g, ' ');
    expect(text).toContain('EUR 1,000,000.00'); // budget
    expect(text).toContain('EUR 30,000.00'); // spent
    expect(row.textContent).toContain('Moderate');

    fireEvent.click(within(row).getByRole('button', { name: 'Expenditure' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByTestId('usd-equivalent').getAttribute('aria-label')?.replace(/\s/g, ' ')).toBe(
      '≈ USD 10,869.57 (UN operational rate of 2026-02: 0.92 EUR per USD)',
    );
    expect(within(dialog).getByText('No rate for 2026-03 yet: no USD equivalent')).toBeTruthy();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Add a month' }));
    const months = within(dialog).getAllByRole('textbox', { name: 'Month' });
    fireEvent.change(months[2] as HTMLElement, { target: { value: '2026-03' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save expenditure' }));
    expect(await within(dialog).findByText('Give each month once.')).toBeTruthy();
    fireEvent.change(months[2] as HTMLElement, { target: { value: '2026-04' } });
    fireEvent.change(within(dialog).getAllByRole('textbox', { name: 'Amount (EUR)' })[2] as HTMLElement, {
      target: { value: '1 234,50' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save expenditure' }));
    await waitFor(() => expect(sentBodies(fetchMock, 'PUT')).toHaveLength(1));
    expect(sentBodies(fetchMock, 'PUT')[0]).toEqual({
      version: 2,
      expenditures: [
        { month: '2026-02', amountMinor: 1_000_000 },
        { month: '2026-03', amountMinor: 2_000_000 },
        { month: '2026-04', amountMinor: 123_450 },
      ],
    });
  });

  it('creates a project funded by the agreement, checked with the shared schema', async () => {
    const fetchMock = serve();
    renderWithApp({
      routes: [{ path: '/', element: <ProjectsPanel agreement={agreement} mayChange mayRecord={false} /> }],
    });
    fireEvent.click(await screen.findByRole('button', { name: 'New project' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Project code/ }), {
      target: { value: 'x' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save project' }));
    expect(
      await within(dialog).findByText(
        'Enter a project code such as KEN/26/01/NOR (letters, digits, / . _ -).',
      ),
    ).toBeTruthy();
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Project code/ }), {
      target: { value: 'ken/26/02/swe' },
    });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Title/ }), {
      target: { value: 'Skills for the green transition' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add a year' }));
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Year' }), { target: { value: '2026' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Amount (EUR)' }), {
      target: { value: '250000' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save project' }));
    await waitFor(() => expect(sentBodies(fetchMock, 'POST')).toHaveLength(1));
    expect(sentBodies(fetchMock, 'POST')[0]).toMatchObject({
      code: 'KEN/26/02/SWE',
      title: 'Skills for the green transition',
      status: '1',
      agreementIds: [agreementId],
      currency: 'EUR',
      plannedStart: '2026-01-01',
      plannedEnd: '2027-12-31',
      budgets: [{ year: 2026, amountMinor: 25_000_000 }],
      essf: null,
      seahFocalPoint: null,
    });
  });
});
