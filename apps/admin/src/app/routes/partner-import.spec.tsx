import { configure, fireEvent, getConfig, screen } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mockFetch, renderWithApp, requestedUrls, signedInAs, staff } from '../../testing/test-utils';
import { appRoutes } from '../router';

const { olga, ada, vera, aude } = staff;

const serve = (user: (typeof staff)[keyof typeof staff]) =>
  mockFetch(
    signedInAs(user, ({ url }) =>
      url.pathname === '/api/v1/partners'
        ? { body: { items: [], total: 0, page: 1, pageSize: 20 } }
        : undefined,
    ),
  );

const renderAt = (entry: string) => renderWithApp({ routes: appRoutes, initialEntries: [entry] });

describe('the Import partners page', { timeout: 15_000 }, () => {
  beforeAll(async () => {
    await Promise.all([import('./protected-layout'), import('./partners'), import('./partner-import')]);
  }, 30_000);

  // The pages render a whole shell and load on demand: on a busy machine that takes more than a second.
  const { asyncUtilTimeout } = getConfig();
  beforeAll(() => configure({ asyncUtilTimeout: 5_000 }));
  afterAll(() => configure({ asyncUtilTimeout }));

  it.each([
    ['an officer', olga],
    ['an admin', ada],
  ])('is reached from the partners list by %s', async (_, user) => {
    serve(user);
    const { router } = renderAt('/partners');
    fireEvent.click(await screen.findByRole('link', { name: 'Import partners' }));
    expect(await screen.findByRole('heading', { name: 'Import partners', level: 1 })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/partners/import');
    expect(screen.getByText('CSV or Excel file')).toBeTruthy();
  });

  it.each([
    ['a viewer', vera],
    ['an auditor', aude],
  ])('is not offered to %s, and keeps them out without asking the server', async (_, user) => {
    const fetchMock = serve(user);
    const view = renderAt('/partners');
    expect(await screen.findByRole('heading', { name: 'Partners', level: 1 })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Import partners' })).toBeNull();
    // Saved views are everyone's.
    expect(screen.getByRole('button', { name: 'Views' })).toBeTruthy();
    view.unmount();

    renderAt('/partners/import');
    expect(await screen.findByText('Only admins and partnership officers can import partners.')).toBeTruthy();
    expect(requestedUrls(fetchMock).filter((url) => url.includes('/imports'))).toEqual([]);
  });
});
