import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  mockFetch,
  partnerFixture,
  renderWithApp,
  requestedUrls,
  staff,
  staffResponse,
} from '../../../testing/test-utils';
import { PartnersList } from './partners-list';

const partners = [
  partnerFixture(),
  partnerFixture({
    id: '0190f3a2-7c4e-7b1a-9c2d-3e4f5a6b7c8e',
    name: 'Bill & Melinda Gates Foundation',
    acronym: null,
    organisationType: '60',
    category: 'FOUNDATION',
    country: 'US',
  }),
];

const serveList = (total = partners.length) =>
  mockFetch(({ url }) => {
    if (url.pathname !== '/api/v1/partners') return undefined;
    const q = url.searchParams.get('q');
    const items = q ? partners.filter((p) => p.name.toLowerCase().includes(q.toLowerCase())) : partners;
    return {
      body: {
        items,
        total: q ? items.length : total,
        page: Number(url.searchParams.get('page') ?? 1),
        pageSize: Number(url.searchParams.get('pageSize') ?? 20),
      },
    };
  });

const viewer = { userId: '0190f3a2-7c4e-7b1a-9c2d-3e4f5a6b7c99', roles: ['viewer'] };

const renderList = (initialEntry = '/partners', language: 'en' | 'fr' = 'en') =>
  renderWithApp({
    routes: [{ path: '/partners', element: <PartnersList actor={viewer} onCreate={vi.fn()} /> }],
    initialEntries: [initialEntry],
    language,
  });

describe('PartnersList', { timeout: 15_000 }, () => {
  it('shows skeleton rows, then one row per partner with translated labels', async () => {
    serveList();
    renderList();
    expect(screen.getAllByTestId('partners-skeleton-row').length).toBeGreaterThan(0);

    const sidaRow = (await screen.findByText('Swedish International Development Cooperation Agency')).closest(
      'tr',
    );
    expect(sidaRow).toBeTruthy();
    const cells = within(sidaRow as HTMLElement);
    expect(cells.getByText('SIDA')).toBeTruthy();
    expect(cells.getByText('Government (OECD-DAC)')).toBeTruthy();
    expect(cells.getByText('Government')).toBeTruthy();
    expect(cells.getByText('Sweden')).toBeTruthy();

    const gatesRow = screen.getByText('Bill & Melinda Gates Foundation').closest('tr') as HTMLElement;
    // Category and IATI organisation type happen to share the word.
    expect(within(gatesRow).getAllByText('Foundation', { selector: 'td' })).toHaveLength(2);
    expect(within(gatesRow).getByText('None')).toBeTruthy();
    expect(within(gatesRow).getByText('United States of America')).toBeTruthy();
    expect(screen.getByTestId('partners-total').textContent).toBe('2 partners');
    expect(screen.queryByTestId('partners-skeleton-row')).toBeNull();
  });

  it('shows country, category and organisation type in French', async () => {
    serveList();
    renderList('/partners', 'fr');
    const row = (await screen.findByText('SIDA')).closest('tr') as HTMLElement;
    expect(within(row).getByText('Suède')).toBeTruthy();
    expect(within(row).getByText('Gouvernement (CAD de l’OCDE)')).toBeTruthy();
    expect(within(row).getByText('Gouvernement')).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'Type d’organisation' })).toBeTruthy();
  });

  it('writes the search into the URL once typing pauses, and queries with it', async () => {
    const fetchMock = serveList();
    const { router } = renderList();
    await screen.findByText('SIDA');

    fireEvent.change(screen.getByRole('searchbox', { name: 'Search partners' }), {
      target: { value: 'gates ' },
    });
    expect(router.state.location.search).toBe('');

    await waitFor(() => expect(router.state.location.search).toBe('?q=gates'));
    await waitFor(() => expect(screen.queryByText('SIDA')).toBeNull());
    expect(screen.getByText('Bill & Melinda Gates Foundation')).toBeTruthy();
    expect(requestedUrls(fetchMock)).toContain('/api/v1/partners?q=gates&page=1&pageSize=20&sort=name');
  });

  it('reads search, page and page size from a shared URL', async () => {
    const fetchMock = serveList(120);
    renderList('/partners?q=sida&page=3&pageSize=50');
    expect(screen.getByRole<HTMLInputElement>('searchbox', { name: 'Search partners' }).value).toBe('sida');
    await waitFor(() =>
      expect(requestedUrls(fetchMock)).toContain('/api/v1/partners?q=sida&page=3&pageSize=50&sort=name'),
    );
  });

  it('pages through the URL', async () => {
    serveList(45);
    const { router } = renderList();
    await screen.findByText('SIDA');
    expect(screen.getByTestId('partners-total').textContent).toBe('45 partners');
    fireEvent.click(screen.getByRole('button', { name: 'Page 2' }));
    await waitFor(() => expect(router.state.location.search).toBe('?page=2'));
    fireEvent.change(screen.getByRole('combobox', { name: 'Rows per page' }), { target: { value: '50' } });
    await waitFor(() => expect(router.state.location.search).toBe('?pageSize=50'));
  });

  it('shows each partner’s status as a badge, blocked partners in words and in red', async () => {
    mockFetch(() => ({
      body: {
        items: [
          partnerFixture(),
          partnerFixture({
            id: '0190f3a2-7c4e-7b1a-9c2d-3e4f5a6b7c8e',
            name: 'Acme Mining Ltd',
            acronym: null,
            category: 'PRIVATE_SECTOR',
            country: null,
            status: 'BLOCKED',
            blockedForNewAgreements: true,
          }),
        ],
        total: 2,
        page: 1,
        pageSize: 20,
      },
    }));
    renderList('/partners', 'fr');
    expect(await screen.findByRole('columnheader', { name: 'Statut' })).toBeTruthy();
    const sida = (await screen.findByText('SIDA')).closest('tr') as HTMLElement;
    expect(within(sida).getByTestId('partner-status').textContent).toBe('Actif');
    const acme = screen.getByText('Acme Mining Ltd').closest('tr') as HTMLElement;
    const blocked = within(acme).getByTestId('partner-status');
    expect(blocked.textContent).toBe('Bloqué');
    expect(blocked.getAttribute('style')).toContain('--mantine-color-red');
  });

  it('exports exactly what the list shows, as Excel or CSV', async () => {
    serveList(45);
    renderList('/partners?q=swedish&page=2&category=FOUNDATION&sort=-name');
    await screen.findByText('SIDA');
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    const excel = await screen.findByRole('menuitem', { name: 'Excel (.xlsx)' });
    expect(excel.getAttribute('href')).toBe(
      '/api/v1/partners/export?q=swedish&category=FOUNDATION&sort=-name&format=xlsx',
    );
    expect(excel.hasAttribute('download')).toBe(true);
    expect(screen.getByRole('menuitem', { name: 'CSV (.csv)' }).getAttribute('href')).toBe(
      '/api/v1/partners/export?q=swedish&category=FOUNDATION&sort=-name&format=csv',
    );
  });

  it('says what to do next when there is no partner yet', async () => {
    mockFetch(() => ({ body: { items: [], total: 0, page: 1, pageSize: 20 } }));
    const onCreate = vi.fn();
    renderWithApp({
      routes: [{ path: '/partners', element: <PartnersList actor={viewer} onCreate={onCreate} /> }],
      initialEntries: ['/partners'],
    });
    expect(await screen.findByText('No partners yet')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Register the first partner' }));
    expect(onCreate).toHaveBeenCalledOnce();
  });

  it('offers to clear a search that matches nothing', async () => {
    serveList();
    const { router } = renderList('/partners?q=zzz');
    expect(await screen.findByText('No partner matches “zzz”')).toBeTruthy();
    fireEvent.click(screen.getAllByRole('button', { name: 'Clear search' })[0] as HTMLElement);
    await waitFor(() => expect(router.state.location.search).toBe(''));
  });

  it('shows the error with its correlation id and retries', async () => {
    let fail = true;
    mockFetch(() =>
      fail
        ? {
            status: 503,
            contentType: 'application/problem+json',
            body: {
              type: 'about:blank',
              title: 'Unavailable',
              status: 503,
              code: 'SERVICE_UNAVAILABLE',
              correlationId: 'c-503',
            },
          }
        : { body: { items: partners, total: 2, page: 1, pageSize: 20 } },
    );
    renderList();
    expect(await screen.findByText('The partners could not be loaded.')).toBeTruthy();
    expect(screen.getByTestId('correlation-id').textContent).toBe('Reference: c-503');
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('SIDA')).toBeTruthy();
  });
});

describe('PartnersList: responsibility', { timeout: 15_000 }, () => {
  const { olga, pablo, ada } = staff;
  const sida = partnerFixture({ responsibleOfficerId: olga.id });
  const gates = partnerFixture({
    id: '0190f3a2-7c4e-7b1a-9c2d-3e4f5a6b7c8e',
    name: 'Bill & Melinda Gates Foundation',
    acronym: null,
    category: 'FOUNDATION',
    organisationType: '60',
    country: 'US',
    responsibleOfficerId: pablo.id,
    delegateIds: [],
  });
  const unicef = partnerFixture({
    id: '0190f3a2-7c4e-7b1a-9c2d-3e4f5a6b7c8f',
    name: 'UNICEF',
    acronym: null,
    category: 'UN_ENTITY',
    organisationType: '40',
    country: null,
    responsibleOfficerId: pablo.id,
    delegateIds: [olga.id],
  });
  const all = [sida, gates, unicef];

  const serve = () =>
    mockFetch(({ url }) => {
      if (url.pathname === '/api/v1/staff') return staffResponse(url);
      if (url.pathname !== '/api/v1/partners') return undefined;
      const assignedTo = url.searchParams.get('assignedTo');
      const items = assignedTo
        ? all.filter((p) => p.responsibleOfficerId === assignedTo || p.delegateIds.includes(assignedTo))
        : all;
      return { body: { items, total: items.length, page: 1, pageSize: 20 } };
    });

  const renderAs = (actor: { userId: string; roles: string[] }, initialEntry = '/partners') =>
    renderWithApp({
      routes: [{ path: '/partners', element: <PartnersList actor={actor} /> }],
      initialEntries: [initialEntry],
    });

  const editButton = (name: string) => screen.queryByRole('button', { name: `Edit ${name}` });

  it('names the responsible officer of each partner, and links each partner to its page', async () => {
    serve();
    renderAs({ userId: olga.id, roles: ['viewer'] });
    const sidaRow = (await screen.findByRole('link', { name: sida.name })).closest('tr') as HTMLElement;
    expect(screen.getByRole('columnheader', { name: 'Responsible officer' })).toBeTruthy();
    expect(await within(sidaRow).findByText('Olga Officer')).toBeTruthy();
    const gatesRow = screen.getByRole('link', { name: gates.name }).closest('tr') as HTMLElement;
    expect(within(gatesRow).getByText('Pablo Partnerships')).toBeTruthy();
    expect(screen.getByRole('link', { name: sida.name }).getAttribute('href')).toBe(`/partners/${sida.id}`);
  });

  it('offers Edit to an officer only on the partners they are responsible for or a delegate of', async () => {
    serve();
    renderAs({ userId: olga.id, roles: ['officer'] });
    await screen.findByRole('link', { name: sida.name });
    expect(editButton(sida.name)).toBeTruthy();
    expect(editButton(unicef.name)).toBeTruthy();
    expect(editButton(gates.name)).toBeNull();
  });

  it('offers Edit on every partner to an admin, and on none to a viewer', async () => {
    serve();
    const view = renderAs({ userId: ada.id, roles: ['admin'] });
    await screen.findByRole('link', { name: sida.name });
    for (const partner of all) expect(editButton(partner.name)).toBeTruthy();
    view.unmount();

    renderAs({ userId: olga.id, roles: ['viewer', 'auditor'] });
    await screen.findByRole('link', { name: sida.name });
    expect(screen.queryAllByRole('button', { name: /^Edit / })).toHaveLength(0);
    expect(screen.queryByRole('radio', { name: 'My partners' })).toBeNull();
  });

  it('opens the edit dialog from the row with the partner’s values', async () => {
    serve();
    renderAs({ userId: olga.id, roles: ['officer'] });
    fireEvent.click((await screen.findByRole('button', { name: `Edit ${sida.name}` })) as HTMLElement);
    const dialog = await screen.findByRole('dialog', { name: `Edit ${sida.name}` });
    expect(within(dialog).getByRole<HTMLInputElement>('textbox', { name: 'Name' }).value).toBe(sida.name);
    expect(within(dialog).getByRole<HTMLInputElement>('textbox', { name: 'Acronym' }).value).toBe('SIDA');
  });

  it('filters on “My partners” through the URL and asks the server for the partners assigned to me', async () => {
    const fetchMock = serve();
    const { router } = renderAs({ userId: olga.id, roles: ['officer'] });
    await screen.findByRole('link', { name: gates.name });

    fireEvent.click(screen.getByRole('radio', { name: 'My partners' }));

    await waitFor(() => expect(router.state.location.search).toBe(`?assignedTo=${olga.id}`));
    await waitFor(() => expect(screen.queryByRole('link', { name: gates.name })).toBeNull());
    expect(screen.getByRole('link', { name: unicef.name })).toBeTruthy();
    expect(requestedUrls(fetchMock)).toContain(
      `/api/v1/partners?page=1&pageSize=20&assignedTo=${olga.id}&sort=name`,
    );

    fireEvent.click(screen.getByRole('radio', { name: 'All partners' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
  });

  it('reads “My partners” from a shared URL, and says whose partners a colleague’s link shows', async () => {
    const fetchMock = serve();
    const view = renderAs({ userId: olga.id, roles: ['officer'] }, `/partners?assignedTo=${olga.id}`);
    await waitFor(() =>
      expect(screen.getByRole<HTMLInputElement>('radio', { name: 'My partners' }).checked).toBe(true),
    );
    expect(requestedUrls(fetchMock)).toContain(
      `/api/v1/partners?page=1&pageSize=20&assignedTo=${olga.id}&sort=name`,
    );
    view.unmount();

    renderAs({ userId: olga.id, roles: ['officer'] }, `/partners?assignedTo=${pablo.id}`);
    const colleague = await screen.findByRole<HTMLInputElement>('radio', {
      name: 'Partners of Pablo Partnerships',
    });
    expect(colleague.checked).toBe(true);
  });

  it('says so when nothing is assigned to me, and offers every partner', async () => {
    mockFetch(({ url }) =>
      url.pathname === '/api/v1/staff'
        ? staffResponse(url)
        : { body: { items: [], total: 0, page: 1, pageSize: 20 } },
    );
    const { router } = renderAs({ userId: olga.id, roles: ['officer'] }, `/partners?assignedTo=${olga.id}`);
    expect(await screen.findByText('No partner is assigned to you')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show all partners' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
  });
});
