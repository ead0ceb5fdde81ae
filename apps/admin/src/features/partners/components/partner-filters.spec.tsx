import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { mockFetch, partnerFixture, renderWithApp, requestedUrls } from '../../../testing/test-utils';
import { PartnersList } from './partners-list';

const viewer = { userId: '0190f3a2-7c4e-7b1a-9c2d-3e4f5a6b7c99', roles: ['viewer'] };

const serve = (items = [partnerFixture()]) =>
  mockFetch(({ url }) =>
    url.pathname === '/api/v1/partners'
      ? { body: { items, total: items.length, page: 1, pageSize: 20 } }
      : undefined,
  );

const renderList = (initialEntry = '/partners', language: 'en' | 'es' = 'en') =>
  renderWithApp({
    routes: [{ path: '/partners', element: <PartnersList actor={viewer} onCreate={vi.fn()} /> }],
    initialEntries: [initialEntry],
    language,
  });

const partnerQueries = (fetchMock: ReturnType<typeof serve>) =>
  requestedUrls(fetchMock).filter((url) => url.startsWith('/api/v1/partners?'));

const filters = () => screen.getByRole('group', { name: 'Filters' });

const choose = async (label: string, option: string) => {
  fireEvent.click(within(filters()).getByRole('combobox', { name: label }));
  fireEvent.click(await screen.findByRole('option', { name: option }));
};

describe('partners list filters', { timeout: 15_000 }, () => {
  it('reads the filters and the order from a shared URL, ignoring values the contract refuses', async () => {
    const fetchMock = serve();
    renderList(
      '/partners?category=FOUNDATION&region=AFRICA&status=BLOCKED&flagLevel=RED&tag=Pooled&country=XX&sort=-updatedAt',
    );
    await screen.findByText('Swedish International Development Cooperation Agency');
    const url = new URL(partnerQueries(fetchMock).at(-1) ?? '', 'http://localhost');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      page: '1',
      pageSize: '20',
      category: 'FOUNDATION',
      region: 'AFRICA',
      status: 'BLOCKED',
      flagLevel: 'RED',
      tag: 'pooled',
      sort: '-updatedAt',
    });
    expect(within(filters()).getByRole<HTMLInputElement>('combobox', { name: 'Region' }).value).toBe(
      'Africa',
    );
    expect(within(filters()).getByRole<HTMLInputElement>('combobox', { name: 'Status' }).value).toBe(
      'Blocked',
    );
    expect(within(filters()).getByRole<HTMLInputElement>('combobox', { name: 'Sort by' }).value).toBe(
      'Recently changed',
    );
  });

  it('writes a chosen filter into the URL from the first page, and clears them all', async () => {
    const fetchMock = serve();
    const { router } = renderList('/partners?page=2&q=sida');
    await screen.findByText('Swedish International Development Cooperation Agency');
    await choose('Open flag', 'Red');
    await waitFor(() => expect(router.state.location.search).toBe('?q=sida&flagLevel=RED'));
    await choose('Category', 'Foundation');
    await waitFor(() =>
      expect(router.state.location.search).toBe('?q=sida&flagLevel=RED&category=FOUNDATION'),
    );
    expect(partnerQueries(fetchMock).at(-1)).toContain('category=FOUNDATION');

    fireEvent.click(within(filters()).getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(router.state.location.search).toBe('?q=sida'));
    expect(within(filters()).queryByRole('button', { name: 'Clear filters' })).toBeNull();
  });

  it('sorts by name from the column header, A–Z then Z–A', async () => {
    const fetchMock = serve();
    const { router } = renderList();
    const header = await screen.findByRole('button', { name: 'Name ↑' });
    expect(header.closest('th')?.getAttribute('aria-sort')).toBe('ascending');
    fireEvent.click(header);
    await waitFor(() => expect(router.state.location.search).toBe('?sort=-name'));
    const reversed = await screen.findByRole('button', { name: 'Name ↓' });
    expect(reversed.closest('th')?.getAttribute('aria-sort')).toBe('descending');
    await waitFor(() => expect(partnerQueries(fetchMock).at(-1)).toContain('sort=-name'));
    fireEvent.click(reversed);
    await waitFor(() => expect(router.state.location.search).toBe(''));
  });

  it('says when no partner matches the filters and offers to clear them, in Spanish', async () => {
    serve([]);
    const { router } = renderList('/partners?status=INACTIVE', 'es');
    expect(await screen.findByText('Ningún socio coincide con estos filtros')).toBeTruthy();
    expect(screen.queryByText('No partners yet')).toBeNull();
    fireEvent.click(screen.getAllByRole('button', { name: 'Borrar filtros' })[0] as HTMLElement);
    await waitFor(() => expect(router.state.location.search).toBe(''));
  });
});
