import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { mockFetch, renderWithApp, requestedUrls } from '../../../testing/test-utils';
import { userKeys } from '../api/user-keys';
import { UsersList } from './users-list';

const userFixture = (overrides: Record<string, unknown> = {}) => ({
  id: '0190f3a2-7c4e-7b1a-9c2d-3e4f5a6b7c01',
  email: 'ada@pardev.test',
  displayName: 'Ada Admin',
  roles: ['admin'],
  active: true,
  createdAt: '2026-01-10T09:00:00.000Z',
  ...overrides,
});

const ada = userFixture();
const olga = userFixture({
  id: '0190f3a2-7c4e-7b1a-9c2d-3e4f5a6b7c02',
  email: 'olga@pardev.test',
  displayName: 'Olga Officer',
  roles: ['officer', 'finance'],
});
const dora = userFixture({
  id: '0190f3a2-7c4e-7b1a-9c2d-3e4f5a6b7c03',
  email: 'dora@pardev.test',
  displayName: 'Dora Departed',
  roles: ['viewer'],
  active: false,
});
const users = [ada, olga, dora];

const serveUsers = (
  onPost: (path: string, body: unknown) => Record<string, unknown> | undefined = () => undefined,
) =>
  mockFetch(({ url, method, body }) => {
    if (method === 'POST') {
      const answer = onPost(url.pathname, body);
      return answer ? { body: answer } : undefined;
    }
    if (url.pathname !== '/api/v1/users') return undefined;
    const q = url.searchParams.get('q');
    const items = q ? users.filter((u) => u.displayName.toLowerCase().includes(q.toLowerCase())) : users;
    return {
      body: {
        items,
        total: items.length,
        page: Number(url.searchParams.get('page') ?? 1),
        pageSize: Number(url.searchParams.get('pageSize') ?? 20),
      },
    };
  });

const renderList = (initialEntry = '/administration/users', language: 'en' | 'fr' = 'en') =>
  renderWithApp({
    routes: [{ path: '/administration/users', element: <UsersList currentUserId={ada.id} /> }],
    initialEntries: [initialEntry],
    language,
  });

const rowOf = (name: string) => screen.getByText(name).closest('tr') as HTMLElement;

describe('UsersList', { timeout: 15_000 }, () => {
  it('shows skeleton rows, then one row per account with translated roles and status in words', async () => {
    serveUsers();
    renderList();
    expect(screen.getAllByTestId('users-skeleton-row').length).toBeGreaterThan(0);

    await screen.findByText('Olga Officer');
    const olgaRow = within(rowOf('Olga Officer'));
    expect(olgaRow.getByText('olga@pardev.test')).toBeTruthy();
    expect(olgaRow.getByText('Partnership officer')).toBeTruthy();
    expect(olgaRow.getByText('Finance')).toBeTruthy();
    expect(olgaRow.getByText('Active')).toBeTruthy();
    expect(olgaRow.getByRole('button', { name: 'Deactivate Olga Officer' })).toBeTruthy();

    const doraRow = within(rowOf('Dora Departed'));
    expect(doraRow.getByText('Deactivated')).toBeTruthy();
    expect(doraRow.getByRole('button', { name: 'Reactivate Dora Departed' })).toBeTruthy();

    // Nobody can deactivate their own account.
    expect(within(rowOf('Ada Admin')).queryByRole('button', { name: /^Deactivate/ })).toBeNull();
    expect(screen.getByTestId('users-total').textContent).toBe('3 users');
  });

  it('translates role names and statuses in French', async () => {
    serveUsers();
    renderList('/administration/users', 'fr');
    await screen.findByText('Olga Officer');
    expect(within(rowOf('Olga Officer')).getByText('Chargé de partenariats')).toBeTruthy();
    expect(within(rowOf('Dora Departed')).getByText('Désactivé')).toBeTruthy();
  });

  it('puts the search in the URL once typing pauses and asks the server for it', async () => {
    const fetchMock = serveUsers();
    const { router } = renderList();
    await screen.findByText('Olga Officer');
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search users' }), { target: { value: 'olga' } });
    await waitFor(() => expect(router.state.location.search).toBe('?q=olga'));
    await waitFor(() => expect(screen.queryByText('Ada Admin')).toBeNull());
    expect(requestedUrls(fetchMock)).toContain('/api/v1/users?q=olga&page=1&pageSize=20');
  });

  it('asks before deactivating, then deactivates, announces it and refreshes the list', async () => {
    const fetchMock = serveUsers((path) =>
      path === `/api/v1/users/${olga.id}/deactivate` ? { ...olga, active: false } : undefined,
    );
    const { queryClient } = renderList();
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
    fireEvent.click(await screen.findByRole('button', { name: 'Deactivate Olga Officer' }));

    const dialog = await screen.findByRole('dialog', { name: 'Deactivate Olga Officer?' });
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(false);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Deactivate account' }));

    expect(await screen.findByText('Olga Officer was deactivated.')).toBeTruthy();
    expect(invalidate).toHaveBeenCalledWith({ queryKey: userKeys.lists() });
  });

  it('shows the translated API error when a reactivation is refused', async () => {
    mockFetch(({ url, method }) => {
      if (method === 'POST')
        return {
          status: 403,
          contentType: 'application/problem+json',
          body: { type: 'about:blank', title: 'Forbidden', status: 403, code: 'FORBIDDEN' },
        };
      return url.pathname === '/api/v1/users'
        ? { body: { items: users, total: 3, page: 1, pageSize: 20 } }
        : undefined;
    });
    renderList();
    fireEvent.click(await screen.findByRole('button', { name: 'Reactivate Dora Departed' }));
    expect(await screen.findByText('Your role does not allow this action.')).toBeTruthy();
    expect(screen.getByText('The account was not reactivated')).toBeTruthy();
  });

  it('changes roles from a dialog and sends the chosen roles', async () => {
    const fetchMock = serveUsers((path, body) =>
      path === `/api/v1/users/${olga.id}/roles` ? { ...olga, ...(body as object) } : undefined,
    );
    renderList();
    fireEvent.click(await screen.findByRole('button', { name: 'Change roles of Olga Officer' }));
    const dialog = await screen.findByRole('dialog', { name: 'Change the roles of Olga Officer' });
    fireEvent.click(within(dialog).getByRole('combobox', { name: 'Roles' }));
    fireEvent.click(await within(dialog).findByRole('option', { name: 'Auditor' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save roles' }));

    expect(await screen.findByText('The roles of Olga Officer were updated.')).toBeTruthy();
    const [, init] = fetchMock.mock.calls.find(([, request]) => request?.method === 'POST') ?? [];
    expect(JSON.parse(typeof init?.body === 'string' ? init.body : '')).toEqual({
      roles: ['officer', 'finance', 'auditor'],
    });
  });

  it('refuses a short password when resetting one', async () => {
    const fetchMock = serveUsers();
    renderList();
    fireEvent.click(await screen.findByRole('button', { name: 'Reset password of Olga Officer' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reset the password of Olga Officer' });
    const input = within(dialog).getByLabelText(/^New password/);
    fireEvent.change(input, { target: { value: 'short' } });
    await waitFor(() => expect(input.getAttribute('aria-invalid')).toBe('true'));
    expect(within(dialog).getByText('Enter at least 12 characters.')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reset password' }));
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(false);
  });
});
