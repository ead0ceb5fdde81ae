import { configure, fireEvent, getConfig, screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate, todayIsoDate } from '../../lib/dates';
import { mockFetch, renderWithApp, requestedUrls, signedInAs, staff } from '../../testing/test-utils';
import { appRoutes } from '../router';

const { olga, pablo, aude, vera } = staff;

/** An ISO date `offset` days from today. */
const day = (offset: number) => todayIsoDate(new Date(Date.now() + offset * 86_400_000));

const check = <F extends object>(suffix: string, fields: F) => ({
  id: `0190f3a2-7c4e-7b1a-9c2d-3e4f5a6b7e${suffix}`,
  partnerId: `0190f3a2-7c4e-7b1a-9c2d-3e4f5a6b7d${suffix}`,
  type: 'SANCTIONS',
  result: 'CLEAR',
  checkedOn: day(-360),
  evidence: 'Screening report',
  notes: null,
  reviewerId: pablo.id,
  recordedAt: '2025-06-01T09:00:00.000Z',
  ...fields,
});
const soon = check('01', { partnerName: 'Acme Mining Ltd', expiresOn: day(9) });
const expired = check('02', {
  partnerName: 'Globex Foundation',
  type: 'SEAH_PSEA',
  result: 'MATCH',
  expiresOn: day(-4),
});
const today = check('03', { partnerName: 'Initech', type: 'PRIVATE_SECTOR', expiresOn: day(0) });

const serve = (user: (typeof staff)[keyof typeof staff]) =>
  mockFetch(
    signedInAs(user, ({ url }) => {
      if (url.pathname === '/api/v1/partners') {
        return { body: { items: [], total: 0, page: 1, pageSize: 20 } };
      }
      if (url.pathname !== '/api/v1/due-diligence/expiring') return undefined;
      // The server's order is not the page's: it sorts by expiry itself.
      return { body: { items: url.searchParams.get('days') === '60' ? [] : [soon, expired, today] } };
    }),
  );

const expiringRequests = (fetchMock: Parameters<typeof requestedUrls>[0]) =>
  requestedUrls(fetchMock).filter((url) => url.startsWith('/api/v1/due-diligence'));

const renderAt = (entry: string) => renderWithApp({ routes: appRoutes, initialEntries: [entry] });

describe('checks expiring soon', { timeout: 15_000 }, () => {
  beforeAll(async () => {
    await Promise.all([import('./protected-layout'), import('./partners'), import('./expiring-checks')]);
  }, 30_000);

  // The pages render a whole shell and load on demand: on a busy machine that takes more than a second.
  const { asyncUtilTimeout } = getConfig();
  beforeAll(() => configure({ asyncUtilTimeout: 5_000 }));
  afterAll(() => configure({ asyncUtilTimeout }));

  it('is reached from the partners list by the roles that may read due diligence', async () => {
    serve(aude);
    const { router } = renderAt('/partners');
    fireEvent.click(await screen.findByRole('link', { name: 'Checks expiring soon' }));
    expect(await screen.findByRole('heading', { name: 'Checks expiring soon', level: 1 })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/partners/expiring-checks');
  });

  it('is not offered to a viewer, and keeps them out without asking the server', async () => {
    const fetchMock = serve(vera);
    const view = renderAt('/partners');
    expect(await screen.findByRole('heading', { name: 'Partners', level: 1 })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Checks expiring soon' })).toBeNull();
    view.unmount();

    renderAt('/partners/expiring-checks');
    expect(
      await screen.findByText(
        'Due-diligence checks are only shown to these roles: Administrator, Partnership officer, Finance, and Auditor.',
      ),
    ).toBeTruthy();
    expect(expiringRequests(fetchMock)).toEqual([]);
  });

  it('lists expired checks first, then the soonest to expire, each leading to its partner’s due diligence', async () => {
    const fetchMock = serve(olga);
    renderAt('/partners/expiring-checks');
    const table = await screen.findByRole('table', { name: 'Checks expired or expiring within 30 days' });
    expect(screen.getAllByTestId('expiring-skeleton-row').length).toBeGreaterThan(0);
    await within(table).findByRole('link', { name: 'Globex Foundation' });
    const [, first, second, third] = within(table).getAllByRole('row');
    expect(first?.textContent).toContain('Globex Foundation');
    expect(first?.textContent).toContain('PSEA/SEAH assessment');
    expect(first?.textContent).toContain(formatDate(expired.expiresOn, 'en'));
    expect(first?.textContent).toContain('Expired 4 days ago');
    expect(first?.textContent).toContain('Match');
    expect(second?.textContent).toContain('Initech');
    expect(second?.textContent).toContain('Expires today');
    expect(third?.textContent).toContain('Acme Mining Ltd');
    expect(third?.textContent).toContain('Expires in 9 days');
    await waitFor(() => expect(third?.textContent).toContain('Pablo Partnerships'));
    expect(
      within(first as HTMLElement)
        .getByRole('link', { name: 'Globex Foundation' })
        .getAttribute('href'),
    ).toBe(`/partners/${expired.partnerId}?tab=due-diligence`);
    expect(screen.getByTestId('expiring-summary').textContent).toBe('1 expired · 2 expiring');
    expect(expiringRequests(fetchMock)).toEqual(['/api/v1/due-diligence/expiring?days=30']);
  });

  it('keeps the period in the URL and says when nothing expires in it', async () => {
    const fetchMock = serve(olga);
    const { router } = renderAt('/partners/expiring-checks');
    await screen.findByRole('link', { name: 'Initech' });
    fireEvent.click(screen.getByRole('radio', { name: '60 days' }));
    await waitFor(() => expect(router.state.location.search).toBe('?days=60'));
    expect(await screen.findByText('No check expires within 60 days')).toBeTruthy();
    expect(expiringRequests(fetchMock)).toContain('/api/v1/due-diligence/expiring?days=60');

    fireEvent.click(screen.getByRole('radio', { name: '30 days' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
  });
});
