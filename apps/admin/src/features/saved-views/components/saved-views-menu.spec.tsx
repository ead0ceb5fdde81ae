import type { SavedView } from '@pardev/contracts';
import { configure, fireEvent, getConfig, screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, mockFetch, problemResponse, renderWithApp, sentBodies } from '../../../testing/test-utils';
import { SavedViewsMenu } from './saved-views-menu';

const view = (suffix: string, name: string, query: string): SavedView => ({
  id: `0190f3a2-7c4e-7b1a-9c2d-3e4f5a6b7a${suffix}`,
  list: 'partners',
  name,
  query,
  createdAt: '2026-11-27T10:00:00.000Z',
});

const serveViews = (initial: SavedView[]) => {
  let views = [...initial];
  const fetchMock = mockFetch(({ url, method, body }) => {
    if (url.pathname === '/api/v1/me/saved-views' && method === 'GET') {
      expect(url.searchParams.get('list')).toBe('partners');
      return { body: { items: views } };
    }
    if (url.pathname === '/api/v1/me/saved-views' && method === 'POST') {
      const request = body as { name: string; query: string };
      if (request.name === 'Taken elsewhere') return problemResponse(409, 'SAVED_VIEW_CONFLICT');
      const saved = view(String(10 + views.length), request.name, request.query);
      views = [...views, saved];
      return { status: 201, body: saved };
    }
    const id = url.pathname.split('/').pop();
    if (method === 'DELETE' && url.pathname.startsWith('/api/v1/me/saved-views/')) {
      views = views.filter((v) => v.id !== id);
      return { status: 204 };
    }
    return undefined;
  });
  return fetchMock;
};

const renderMenu = (entry: string, language: 'en' | 'es' = 'en') =>
  renderWithApp({
    routes: [{ path: '/partners', element: <SavedViewsMenu list="partners" path="/partners" /> }],
    initialEntries: [entry],
    language,
  });

const openMenu = async (label = 'Views') => {
  fireEvent.click(screen.getByRole('button', { name: label }));
  return screen.findByRole('dialog', { name: label });
};

describe('saved views of the partners list', { timeout: 20_000 }, () => {
  const { asyncUtilTimeout } = getConfig();
  beforeAll(() => configure({ asyncUtilTimeout: 5_000 }));
  afterAll(() => configure({ asyncUtilTimeout }));

  it('saves the list’s filters and order (not its page) under a name checked as it is typed', async () => {
    const fetchMock = serveViews([view('01', 'Donors in Europe', 'region=EUROPE_CENTRAL_ASIA')]);
    renderMenu('/partners?category=FOUNDATION&page=3&sort=-name');
    const menu = await openMenu();
    fireEvent.click(await within(menu).findByRole('button', { name: 'Save this view…' }));

    const dialog = await screen.findByRole('dialog', { name: 'Save this view' });
    // The form loads with the dialog.
    const name = await within(dialog).findByRole('textbox', { name: /^Name/ });
    fireEvent.change(name, { target: { value: 'donors in europe ' } });
    await waitFor(() => expect(errorOf(name)).toBe('You already have a view with this name.'));
    fireEvent.change(name, { target: { value: '' } });
    await waitFor(() => expect(errorOf(name)).toBe('This field is required.'));
    fireEvent.change(name, { target: { value: 'Foundations, newest first' } });
    await waitFor(() => expect(errorOf(name)).toBeNull());
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save view' }));

    expect(await screen.findByText('View “Foundations, newest first” saved.')).toBeTruthy();
    expect(sentBodies(fetchMock, 'POST')).toEqual([
      { list: 'partners', name: 'Foundations, newest first', query: 'category=FOUNDATION&sort=-name' },
    ]);
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Save this view' })).toBeNull());

    // The list of views is fetched again and holds the new one, marked as the view on screen.
    const reopened = await openMenu();
    const saved = await within(reopened).findByRole('link', { name: 'Foundations, newest first' });
    expect(saved.getAttribute('href')).toBe('/partners?category=FOUNDATION&sort=-name');
    expect(saved.getAttribute('aria-current')).toBe('page');
  });

  it('keeps the name typed when the server refuses the view', async () => {
    serveViews([]);
    renderMenu('/partners?tag=health');
    const menu = await openMenu();
    expect(await within(menu).findByText(/No saved view yet/)).toBeTruthy();
    fireEvent.click(within(menu).getByRole('button', { name: 'Save this view…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Save this view' });
    fireEvent.change(await within(dialog).findByRole('textbox', { name: /^Name/ }), {
      target: { value: 'Taken elsewhere' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save view' }));
    const alert = await within(dialog).findByRole('alert');
    expect(
      within(alert).getByText('You already have a view with this name, or as many views as allowed.'),
    ).toBeTruthy();
    expect(within(dialog).getByRole<HTMLInputElement>('textbox', { name: /^Name/ }).value).toBe(
      'Taken elsewhere',
    );
  });

  it('opens a saved view: the list’s address becomes the view’s', async () => {
    serveViews([view('01', 'Donors in Europe', 'region=EUROPE_CENTRAL_ASIA&sort=-updatedAt')]);
    const { router } = renderMenu('/partners?page=2');
    const menu = await openMenu();
    fireEvent.click(await within(menu).findByRole('link', { name: 'Donors in Europe' }));
    await waitFor(() =>
      expect(router.state.location.search).toBe('?region=EUROPE_CENTRAL_ASIA&sort=-updatedAt'),
    );
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Views' })).toBeNull());
  });

  it('deletes a view once the person confirms, in Spanish', async () => {
    const fetchMock = serveViews([
      view('01', 'Donors in Europe', 'region=EUROPE_CENTRAL_ASIA'),
      view('02', 'Blocked', 'status=BLOCKED'),
    ]);
    renderMenu('/partners', 'es');
    const menu = await openMenu('Vistas');
    fireEvent.click(await within(menu).findByRole('button', { name: 'Eliminar la vista «Blocked»' }));

    const confirm = await screen.findByRole('dialog', { name: 'Eliminar una vista guardada' });
    expect(within(confirm).getByText(/¿Eliminar la vista «Blocked»\?/)).toBeTruthy();
    fireEvent.click(within(confirm).getByRole('button', { name: 'Eliminar vista' }));
    expect(await screen.findByText('Vista «Blocked» eliminada.')).toBeTruthy();
    const deletes = fetchMock.mock.calls.filter(([, init]) => init?.method === 'DELETE');
    expect(deletes.map(([input]) => String(input))).toEqual([
      '/api/v1/me/saved-views/0190f3a2-7c4e-7b1a-9c2d-3e4f5a6b7a02',
    ]);

    const reopened = await openMenu('Vistas');
    await waitFor(() => expect(within(reopened).queryByRole('link', { name: 'Blocked' })).toBeNull());
    expect(within(reopened).getByRole('link', { name: 'Donors in Europe' })).toBeTruthy();
  });
});
