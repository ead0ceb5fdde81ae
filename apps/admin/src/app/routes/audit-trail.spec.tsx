import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { mockFetch, renderWithApp, requestedUrls, signedInAs, staff } from '../../testing/test-utils';
import { appRoutes } from '../router';

const { olga, pablo, ada, aude, vera } = staff;
const partnerId = '0190f3a2-7c4e-7b1a-9c2d-3e4f5a6b7c8d';

const updated = {
  id: '0190f3a2-7c4e-7b1a-9c2d-3e4f5a6b7e02',
  occurredAt: '2026-03-02T14:30:00.000Z',
  source: 'partners',
  actorId: olga.id,
  actorName: 'Olga Officer',
  actorRoles: ['officer'],
  action: 'partner.assigned',
  entityType: 'partner',
  entityId: partnerId,
  changes: [{ field: 'responsibleOfficerId', before: olga.id, after: pablo.id }],
  note: null,
  correlationId: 'corr-assign-1',
};
const refused = {
  id: '0190f3a2-7c4e-7b1a-9c2d-3e4f5a6b7e01',
  occurredAt: '2026-03-01T08:00:00.000Z',
  source: 'identity',
  actorId: null,
  actorName: null,
  actorRoles: [],
  action: 'auth.sign-in-failed',
  entityType: 'user',
  entityId: null,
  changes: [],
  note: 'no account has this e-mail address (from 10.0.0.7)',
  correlationId: null,
};
const older = {
  ...updated,
  id: '0190f3a2-7c4e-7b1a-9c2d-3e4f5a6b7e00',
  action: 'partner.registered',
  changes: [],
};

const serve = (user: (typeof staff)[keyof typeof staff], trail: 'entries' | 'empty' = 'entries') =>
  mockFetch(
    signedInAs(user, ({ url }) => {
      if (url.pathname !== '/api/v1/audit') return undefined;
      if (trail === 'empty') return { body: { items: [], nextCursor: null } };
      return url.searchParams.get('cursor') === refused.id
        ? { body: { items: [older], nextCursor: null } }
        : { body: { items: [updated, refused], nextCursor: refused.id } };
    }),
  );

const auditRequests = (fetchMock: Parameters<typeof requestedUrls>[0]) =>
  requestedUrls(fetchMock).filter((url) => url.startsWith('/api/v1/audit'));

const renderAt = (entry: string) => renderWithApp({ routes: appRoutes, initialEntries: [entry] });

const choose = async (label: string, option: string) => {
  fireEvent.click(screen.getByRole('combobox', { name: label }));
  fireEvent.click(await screen.findByRole('option', { name: option }));
};

describe('audit trail page', { timeout: 15_000 }, () => {
  beforeAll(async () => {
    await Promise.all([
      import('./protected-layout'),
      import('./audit-trail'),
      import('./administration'),
      import('./partners'),
    ]);
  }, 30_000);

  it('is listed under Administration for an auditor (without Users), who is led straight to it', async () => {
    serve(aude);
    const { router } = renderAt('/partners');
    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).getByRole('link', { name: 'Audit trail' })).toBeTruthy();
    expect(within(nav).queryByRole('link', { name: 'Users' })).toBeNull();
    fireEvent.click(within(nav).getByRole('link', { name: 'Administration' }));
    expect(await screen.findByRole('heading', { name: 'Audit trail', level: 1 })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/administration/audit');
  });

  it('is listed with Users for an admin, and not at all for an officer', async () => {
    serve(ada);
    const view = renderAt('/partners');
    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).getByRole('link', { name: 'Users' })).toBeTruthy();
    expect(within(nav).getByRole('link', { name: 'Audit trail' })).toBeTruthy();
    view.unmount();

    serve(olga);
    renderAt('/partners');
    const officerNav = await screen.findByRole('navigation', { name: 'Main navigation' });
    expect(within(officerNav).queryByText('Audit trail')).toBeNull();
    expect(within(officerNav).queryByText('Administration')).toBeNull();
  });

  it('keeps other roles out, without asking the server for the trail', async () => {
    const fetchMock = serve(vera);
    renderAt('/administration/audit');
    expect(
      await screen.findByText('Only administrators and auditors can search the audit trail.'),
    ).toBeTruthy();
    expect(auditRequests(fetchMock)).toEqual([]);
  });

  it('lists entries newest first with who, what, which record, the changes and a copyable reference', async () => {
    const fetchMock = serve(aude);
    renderAt('/administration/audit');
    await screen.findByText('corr-assign-1');
    const table = screen.getByRole('table');
    const [, first, second] = within(table).getAllByRole('row');
    expect(first?.textContent).toContain('Olga Officer');
    expect(first?.textContent).toContain('Responsibility changed');
    expect(first?.textContent).toContain('Partner');
    expect(
      within(first as HTMLElement)
        .getByRole('link', { name: `Partner ${partnerId}` })
        .getAttribute('href'),
    ).toBe(`/partners/${partnerId}`);
    await waitFor(() =>
      expect(first?.textContent).toContain('Responsible officer: Olga Officer → Pablo Partnerships'),
    );
    expect(first?.textContent).toContain('corr-assign-1');
    expect(within(first as HTMLElement).getByRole('button', { name: 'Copy correlation ID' })).toBeTruthy();
    expect(first?.querySelector('time')?.getAttribute('datetime')).toBe(updated.occurredAt);

    expect(second?.textContent).toContain('Not identified');
    expect(second?.textContent).toContain('Sign-in failed');
    expect(second?.textContent).toContain('no account has this e-mail address (from 10.0.0.7)');
    expect(auditRequests(fetchMock)).toEqual(['/api/v1/audit?limit=50']);

    fireEvent.click(screen.getByRole('button', { name: 'Load older entries' }));
    expect(await screen.findByText('Partner registered')).toBeTruthy();
    expect(auditRequests(fetchMock)).toContain(`/api/v1/audit?cursor=${refused.id}&limit=50`);
    expect(screen.getByTestId('audit-count').textContent).toBe('3 entries shown');
  });

  it('writes the filters into the URL and asks the server for them', async () => {
    const fetchMock = serve(ada);
    const { router } = renderAt('/administration/audit');
    await screen.findByRole('table');

    await choose('User', 'Olga Officer');
    await waitFor(() => expect(router.state.location.search).toBe(`?actorId=${olga.id}`));
    await choose('Action', 'Flag raised');
    await waitFor(() => expect(router.state.location.search).toContain('action=flag.raised'));
    await choose('Action', 'Responsibility changed');
    await choose('Record type', 'Partner');
    fireEvent.change(screen.getByRole('textbox', { name: 'Record ID' }), {
      target: { value: ` ${partnerId} ` },
    });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-03-01' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-03-31' } });

    const expected = new URLSearchParams({
      actorId: olga.id,
      action: 'partner.assigned',
      entityType: 'partner',
      entityId: partnerId,
      from: '2026-03-01',
      to: '2026-03-31',
    });
    await waitFor(() =>
      expect(Object.fromEntries(new URLSearchParams(router.state.location.search))).toEqual(
        Object.fromEntries(expected),
      ),
    );
    await waitFor(() =>
      expect(auditRequests(fetchMock)).toContain(
        `/api/v1/audit?actorId=${olga.id}&entityType=partner&entityId=${partnerId}&action=partner.assigned&from=2026-03-01&to=2026-03-31&limit=50`,
      ),
    );

    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Record ID' }).value).toBe('');
  });

  it('reads the filters of a shared link, and refuses an end date before the start date', async () => {
    const fetchMock = serve(aude);
    const view = renderAt(
      `/administration/audit?entityType=partner&entityId=${partnerId}&action=partner.updated`,
    );
    await waitFor(() =>
      expect(auditRequests(fetchMock)).toContain(
        `/api/v1/audit?entityType=partner&entityId=${partnerId}&action=partner.updated&limit=50`,
      ),
    );
    expect(screen.getByRole<HTMLInputElement>('combobox', { name: 'Action' }).value).toBe('Profile updated');
    view.unmount();

    const before = auditRequests(fetchMock).length;
    renderAt('/administration/audit?from=2026-03-10&to=2026-03-01');
    expect(await screen.findByText('The end date is before the start date.')).toBeTruthy();
    expect(auditRequests(fetchMock).length).toBe(before);
  });

  it('says when no entry matches, and clears the filters', async () => {
    serve(aude, 'empty');
    const { router } = renderAt(`/administration/audit?actorId=${pablo.id}`);
    expect(await screen.findByText('No entry matches these filters')).toBeTruthy();
    fireEvent.click(screen.getAllByRole('button', { name: 'Clear filters' })[0] as HTMLElement);
    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect(await screen.findByText('The audit trail is empty')).toBeTruthy();
  });
});
