import { configure, fireEvent, getConfig, screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  mockFetch,
  partnerFixture,
  renderWithApp,
  requestedUrls,
  type FetchHandler,
} from '../testing/test-utils';
import { appRoutes } from './router';

const officer = { id: 'u-1', email: 'officer@pardev.test', displayName: 'Olga Officer', roles: ['officer'] };
const page = { items: [partnerFixture()], total: 1, page: 1, pageSize: 20 };

interface Server {
  signedIn: boolean;
  user?: typeof officer;
  me?: FetchHandler;
}

const serve = (server: Server) =>
  mockFetch((request) => {
    const { url, method, body } = request;
    switch (`${method} ${url.pathname}`) {
      case 'GET /api/v1/auth/me':
        if (server.me) return server.me(request);
        return server.signedIn ? { body: server.user ?? officer } : problem(401, 'UNAUTHENTICATED');
      case 'POST /api/v1/auth/login': {
        const { password } = body as { password: string };
        if (password !== 'right') return problem(401, 'INVALID_CREDENTIALS');
        server.signedIn = true;
        return { body: server.user ?? officer };
      }
      case 'POST /api/v1/auth/logout':
        server.signedIn = false;
        return { status: 204 };
      case 'GET /api/v1/meta':
        return { body: { demoData: true } };
      case 'GET /api/v1/partners':
        return { body: page };
      case 'GET /api/v1/users':
        return {
          body: {
            items: [
              {
                ...officer,
                id: '0190f3a2-7c4e-7b1a-9c2d-3e4f5a6b7c01',
                active: true,
                createdAt: '2026-01-10T09:00:00.000Z',
              },
            ],
            total: 1,
            page: 1,
            pageSize: 20,
          },
        };
      default:
        return undefined;
    }
  });

const problem = (status: number, code: string, correlationId?: string) => ({
  status,
  contentType: 'application/problem+json',
  body: { type: 'about:blank', title: code, status, code, correlationId },
});

describe('admin app', { timeout: 15_000 }, () => {
  // The pages are lazy chunks; transforming them the first time can outlast findBy's 1 s wait.
  beforeAll(async () => {
    await Promise.all([
      import('./routes/sign-in'),
      import('./routes/protected-layout'),
      import('./routes/partners'),
      import('./routes/partner-create'),
      import('./routes/users'),
    ]);
  }, 30_000);

  // Whole pages render here (the partners list with its filter bar): under a loaded run a page can
  // take more than findBy's default second to settle.
  const { asyncUtilTimeout } = getConfig();
  beforeAll(() => configure({ asyncUtilTimeout: 5_000 }));
  afterAll(() => configure({ asyncUtilTimeout }));

  it('sends a visitor to sign in, refuses a wrong password in words, then returns them to where they were', async () => {
    serve({ signedIn: false });
    const { router } = renderWithApp({ routes: appRoutes, initialEntries: ['/partners?q=sida'] });

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(router.state.location.search).toBe(`?redirectTo=${encodeURIComponent('/partners?q=sida')}`);

    fireEvent.change(screen.getByRole('textbox', { name: 'Email' }), {
      target: { value: 'officer@pardev.test' },
    });
    fireEvent.change(screen.getByLabelText(/^Password/), { target: { value: 'wrong' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The email or password is incorrect.');

    fireEvent.change(screen.getByLabelText(/^Password/), { target: { value: 'right' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { name: 'Partners', level: 1 })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/partners');
    expect(router.state.location.search).toBe('?q=sida');
    expect(screen.getByTestId('signed-in-user').textContent).toBe('Signed in as Olga Officer');
    expect((await screen.findByTestId('demo-data-banner')).textContent).toContain(
      'Demo data: partner names are real organisations but all figures and details are illustrative.',
    );
  });

  it('shows the shell landmarks and navigation, hiding what the role cannot use', async () => {
    serve({ signedIn: true });
    renderWithApp({ routes: appRoutes, initialEntries: ['/'] });
    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('main')).toBeTruthy();
    await waitFor(() =>
      expect(within(nav).getByRole('link', { name: 'Partners' }).getAttribute('aria-current')).toBe('page'),
    );
    expect(within(nav).getByText('Dashboard')).toBeTruthy();
    expect(within(nav).queryByText('Administration')).toBeNull();
    expect(await screen.findByText('SIDA')).toBeTruthy();
  });

  it('lists Administration for an admin', async () => {
    serve({ signedIn: true, user: { ...officer, roles: ['admin'] } });
    renderWithApp({ routes: appRoutes, initialEntries: ['/partners'] });
    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).getByText('Administration')).toBeTruthy();
  });

  it('takes an admin from the Administration link to the users page', async () => {
    serve({ signedIn: true, user: { ...officer, roles: ['admin'] } });
    const { router } = renderWithApp({ routes: appRoutes, initialEntries: ['/partners'] });
    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
    fireEvent.click(within(nav).getByRole('link', { name: 'Administration' }));
    expect(await screen.findByRole('heading', { name: 'Users', level: 1 })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/administration/users');
    expect(await screen.findByText('officer@pardev.test')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Invite user' })).toBeTruthy();
  });

  it('keeps an officer out of the users page, without asking the server for accounts', async () => {
    const fetchMock = serve({ signedIn: true });
    renderWithApp({ routes: appRoutes, initialEntries: ['/administration/users'] });
    expect(await screen.findByText('Only administrators can manage user accounts.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Invite user' })).toBeNull();
    expect(screen.queryByRole('table')).toBeNull();
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).queryByText('Administration')).toBeNull();
    expect(requestedUrls(fetchMock).some((url) => url.startsWith('/api/v1/users'))).toBe(false);
  });

  it('offers “New partner” only to roles that may register partners', async () => {
    serve({ signedIn: true, user: { ...officer, roles: ['viewer'] } });
    renderWithApp({ routes: appRoutes, initialEntries: ['/partners'] });
    expect(await screen.findByRole('heading', { name: 'Partners', level: 1 })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'New partner' })).toBeNull();
  });

  it('switches the language from the header, sets <html lang> and remembers it', async () => {
    serve({ signedIn: true });
    renderWithApp({ routes: appRoutes, initialEntries: ['/partners'] });
    await screen.findByRole('heading', { name: 'Partners', level: 1 });

    fireEvent.change(screen.getByRole('combobox', { name: 'Language' }), { target: { value: 'fr' } });

    expect(await screen.findByRole('heading', { name: 'Partenaires', level: 1 })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Nouveau partenaire' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Langue (Language)' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('fr');
    expect(window.localStorage.getItem('pardev.language')).toBe('fr');
  });

  it('opens the create form at a shareable address and returns to the same list view', async () => {
    serve({ signedIn: true });
    const { router } = renderWithApp({ routes: appRoutes, initialEntries: ['/partners?page=1&q=si'] });
    fireEvent.click(await screen.findByRole('button', { name: 'New partner' }));
    // The form is a lazy chunk: under a loaded test run it may take more than a second to arrive.
    expect(
      await screen.findByRole('dialog', { name: 'Register a partner' }, { timeout: 5_000 }),
    ).toBeTruthy();
    expect(router.state.location.pathname).toBe('/partners/new');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/partners'));
    expect(router.state.location.search).toBe('?page=1&q=si');
  });

  it('signs out', async () => {
    serve({ signedIn: true });
    const { router } = renderWithApp({ routes: appRoutes, initialEntries: ['/partners'] });
    fireEvent.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/sign-in');
  });

  it('shows a page error with a way back and the correlation id', async () => {
    // React and the router log the caught error; that noise is the point of this test.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    serve({ signedIn: false, me: () => problem(503, 'SERVICE_UNAVAILABLE', 'corr-503') });
    renderWithApp({ routes: appRoutes, initialEntries: ['/partners'] });
    expect(await screen.findByRole('heading', { name: 'Something went wrong on this page' })).toBeTruthy();
    expect(screen.getByTestId('correlation-id').textContent).toBe('Reference: corr-503');
    expect(screen.getByRole('link', { name: 'Back to partners' }).getAttribute('href')).toBe('/partners');
    expect(screen.getByRole('button', { name: 'Reload page' })).toBeTruthy();
  });

  it('answers an unknown address inside the shell', async () => {
    serve({ signedIn: true });
    renderWithApp({ routes: appRoutes, initialEntries: ['/nowhere'] });
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Main navigation' })).toBeTruthy();
  });
});
