import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { listItemFixture } from '../../../testing/agreement-fixtures';
import { mockFetch, requestedUrls, signedInAs, staff, staffResponse } from '../../../testing/test-utils';
import { renderWithApp } from '../../../testing/test-utils';
import { AgreementsList } from './agreements-list';

const pageOf = (url: URL, total: number, withoutRate = 0) => {
  const page = Number(url.searchParams.get('page') ?? 1);
  const pageSize = Number(url.searchParams.get('pageSize') ?? 20);
  const count = Math.max(0, Math.min(pageSize, total - (page - 1) * pageSize));
  return {
    body: {
      items: Array.from({ length: count }, (_, i) => listItemFixture((page - 1) * pageSize + i + 1)),
      total,
      page,
      pageSize,
      totals: { usdMinor: 1_234_567_800, withoutRate },
    },
  };
};

const serve = (total: number, withoutRate = 0) =>
  mockFetch(
    signedInAs(staff.olga, ({ url }) => {
      if (url.pathname === '/api/v1/agreements') return pageOf(url, total, withoutRate);
      if (url.pathname === '/api/v1/agreements/partner-options')
        return { body: { items: [], total: 0, page: 1, pageSize: 50 } };
      if (url.pathname === '/api/v1/staff') return staffResponse(url);
      return undefined;
    }),
  );

const renderList = (entry = '/agreements', language: 'en' | 'fr' = 'en') =>
  renderWithApp({
    routes: [{ path: '/agreements', element: <AgreementsList /> }],
    initialEntries: [entry],
    language,
  });

describe('AgreementsList', { timeout: 15_000 }, () => {
  it('shows the USD total of the whole filtered set and how many lack a rate', async () => {
    serve(42, 3);
    renderList();
    const totals = await screen.findByTestId('agreements-totals');
    expect(totals.textContent?.replace(/\s/g, ' ')).toBe(
      'USD 12,345,678 across 42 agreements; 3 without a rate',
    );
    expect(screen.getByRole('link', { name: 'XBDC-2026-0001' }).getAttribute('href')).toMatch(
      /^\/agreements\//,
    );
  });

  it('says the totals in French', async () => {
    serve(1);
    renderList('/agreements', 'fr');
    const totals = await screen.findByTestId('agreements-totals');
    expect(totals.textContent?.replace(/\s/g, ' ')).toBe('12 345 678 USD pour 1 accord');
  });

  it('keeps filters, sort and page in the URL and queries the server with them', async () => {
    const fetchMock = serve(120);
    const { router } = renderList(
      '/agreements?status=SIGNED&fundingSource=XBDC&minUsd=1000&page=2&pageSize=50',
    );
    await screen.findByTestId('agreements-totals');
    const listCalls = requestedUrls(fetchMock).filter((u) => u.startsWith('/api/v1/agreements?'));
    const first = new URL(listCalls[0] ?? '', 'http://x').searchParams;
    expect(first.get('status')).toBe('SIGNED');
    expect(first.get('fundingSource')).toBe('XBDC');
    expect(first.get('minUsd')).toBe('1000');
    expect(first.get('page')).toBe('2');
    expect(first.get('pageSize')).toBe('50');

    // A filter changed in the bar goes to the URL and starts again from page 1.
    const filters = screen.getByRole('group', { name: 'Filters' });
    fireEvent.click(within(filters).getByRole('combobox', { name: 'Status' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Pending signature' }));
    await waitFor(() => expect(router.state.location.search).toContain('status=PENDING_SIGNATURE'));
    expect(router.state.location.search).not.toContain('page=2');
    await waitFor(() =>
      expect(requestedUrls(fetchMock).some((u) => u.includes('status=PENDING_SIGNATURE'))).toBe(true),
    );

    // Sorting by a column header writes the sort.
    fireEvent.click(
      within(screen.getByTestId('agreements-table')).getByRole('button', { name: /Total in USD/ }),
    );
    await waitFor(() => expect(router.state.location.search).toContain('sort=-totalUsd'));
    await waitFor(() =>
      expect(
        requestedUrls(fetchMock).some(
          (u) => u.includes('sort=-totalUsd') && u.includes('status=PENDING_SIGNATURE'),
        ),
      ).toBe(true),
    );
  });

  it('never asks for more than 50 rows a page, even from a shared URL', async () => {
    const fetchMock = serve(500);
    renderList('/agreements?pageSize=100');
    await screen.findByTestId('agreements-totals');
    expect(requestedUrls(fetchMock).some((u) => u.includes('pageSize=50'))).toBe(true);
    expect(requestedUrls(fetchMock).some((u) => u.includes('pageSize=100'))).toBe(false);
  });

  it('keeps a full page of 50 agreements under 1,400 DOM nodes', async () => {
    serve(10_000);
    const { container } = renderList('/agreements?pageSize=50');
    await screen.findByRole('link', { name: 'XBDC-2026-0050' });
    const table = screen.getByTestId('agreements-table');
    expect(table.querySelectorAll('tbody tr')).toHaveLength(50);
    const tableNodes = table.getElementsByTagName('*').length;
    expect(tableNodes).toBeLessThan(1_400);
    // The whole list (search, filters, totals, pagination and the table) stays in the same order.
    expect(container.getElementsByTagName('*').length).toBeLessThan(1_600);
  });

  it('exports exactly what is shown (filters and order, every page)', async () => {
    serve(3);
    renderList('/agreements?status=ACTIVE&sort=title');
    await screen.findByTestId('agreements-totals');
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    const csv = await screen.findByRole('menuitem', { name: /CSV/ });
    const href = csv.getAttribute('href') ?? '';
    expect(href).toContain('/api/v1/agreements/export?');
    expect(href).toContain('status=ACTIVE');
    expect(href).toContain('sort=title');
    expect(href).toContain('format=csv');
    expect(href).not.toContain('page=');
  });
});
