import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  mockFetch,
  partnerFixture,
  problemResponse,
  renderWithApp,
  requestedUrls,
  sentBodies,
  signedInAs,
  staff,
} from '../../testing/test-utils';
import { appRoutes } from '../router';

const { olga, pablo, ada, vera } = staff;
const partner = partnerFixture({ responsibleOfficerId: olga.id, delegateIds: [pablo.id] });
const partnerUrl = `/api/v1/partners/${partner.id}`;
const page = `/partners/${partner.id}`;

const entry = (id: string, fields: Record<string, unknown>) => ({
  id: `0190f3a2-7c4e-7b1a-9c2d-3e4f5a6b7d${id}`,
  source: 'partners',
  actorRoles: ['officer'],
  entityType: 'partner',
  entityId: partner.id,
  note: null,
  correlationId: `corr-${id}`,
  changes: [],
  ...fields,
});

const assigned = entry('03', {
  occurredAt: '2026-03-02T14:30:00.000Z',
  actorId: ada.id,
  actorName: 'Ada Admin',
  action: 'partner.assigned',
  changes: [
    { field: 'responsibleOfficerId', before: pablo.id, after: olga.id },
    { field: 'delegateIds', before: [], after: [pablo.id] },
  ],
});
const updated = entry('02', {
  occurredAt: '2026-02-01T09:15:00.000Z',
  actorId: olga.id,
  actorName: 'Olga Officer',
  action: 'partner.updated',
  changes: [{ field: 'country', before: 'NO', after: 'SE' }],
});
const registered = entry('01', {
  occurredAt: '2026-01-10T09:00:00.000Z',
  actorId: pablo.id,
  actorName: 'Pablo Partnerships',
  action: 'partner.registered',
  changes: [
    { field: 'name', after: partner.name },
    { field: 'category', after: 'GOVERNMENT_OECD_DAC' },
  ],
});

interface Server {
  user: (typeof staff)[keyof typeof staff];
  history?: 'empty' | 'paged';
  partner?: 'missing';
}

const serve = ({ user, history = 'paged', partner: state }: Server) =>
  mockFetch(
    signedInAs(user, ({ url, method, body }) => {
      switch (`${method} ${url.pathname}`) {
        case `GET ${partnerUrl}`:
          return state === 'missing' ? problemResponse(404, 'PARTNER_NOT_FOUND') : { body: partner };
        case `GET ${partnerUrl}/history`: {
          if (history === 'empty') return { body: { items: [], nextCursor: null } };
          return url.searchParams.get('cursor') === updated.id
            ? { body: { items: [registered], nextCursor: null } }
            : { body: { items: [assigned, updated], nextCursor: updated.id } };
        }
        case `GET ${partnerUrl}/contacts`:
          return { body: { items: [] } };
        case `PUT ${partnerUrl}/responsibility`:
          return { body: { ...partner, ...(body as object), version: partner.version + 1 } };
        default:
          return undefined;
      }
    }),
  );

const renderPage = (entry = page) => renderWithApp({ routes: appRoutes, initialEntries: [entry] });

describe('partner page', { timeout: 15_000 }, () => {
  beforeAll(async () => {
    await Promise.all([import('./protected-layout'), import('./partner')]);
  }, 30_000);

  it('says what the partner is and shows its profile with who is responsible, by name', async () => {
    serve({ user: vera });
    renderPage();
    expect(await screen.findByRole('heading', { name: partner.name, level: 1 })).toBeTruthy();
    expect(screen.getByText('Funding partner')).toBeTruthy();
    expect(screen.getAllByText('Government (OECD-DAC)').length).toBeGreaterThan(0);
    expect(screen.getByText('Sweden · Government')).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Profile' }).getAttribute('aria-selected')).toBe('true');

    const responsibility = screen
      .getByRole('heading', { name: 'Responsibility' })
      .closest('section') as HTMLElement;
    expect(await within(responsibility).findByText('Olga Officer')).toBeTruthy();
    expect(within(responsibility).getByText('Pablo Partnerships')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Edit' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Change responsibility' })).toBeNull();
  });

  it('opens the Contacts tab from a shared link; a delegate may add contacts, a viewer may not', async () => {
    serve({ user: pablo });
    const { unmount } = renderPage(`${page}?tab=contacts`);
    expect(await screen.findByRole('heading', { name: 'Contacts' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Contacts' }).getAttribute('aria-selected')).toBe('true');
    expect(await screen.findByText('No contacts yet')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Add contact' })).toBeTruthy();
    unmount();

    serve({ user: vera });
    renderPage(`${page}?tab=contacts`);
    expect(await screen.findByText('No contacts yet')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Add contact' })).toBeNull();
  });

  it('offers Edit and Change responsibility to the responsible officer', async () => {
    serve({ user: olga });
    renderPage();
    expect(await screen.findByRole('button', { name: 'Edit' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Change responsibility' })).toBeTruthy();
  });

  it('offers Edit but not Change responsibility to a delegate', async () => {
    serve({ user: pablo });
    renderPage();
    expect(await screen.findByRole('button', { name: 'Edit' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Change responsibility' })).toBeNull();
  });

  it('offers both to an admin, who is neither responsible nor a delegate', async () => {
    serve({ user: ada });
    renderPage();
    expect(await screen.findByRole('button', { name: 'Edit' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Change responsibility' })).toBeTruthy();
  });

  it('opens the edit dialog with the profile', async () => {
    serve({ user: olga });
    renderPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    const dialog = await screen.findByRole('dialog', { name: `Edit ${partner.name}` });
    expect(within(dialog).getByRole<HTMLInputElement>('textbox', { name: 'Name' }).value).toBe(partner.name);
  });

  it('keeps the tab in the URL and shows the history with names, labels and changed fields', async () => {
    const fetchMock = serve({ user: vera });
    const { router } = renderPage();
    fireEvent.click(await screen.findByRole('tab', { name: 'History' }));
    await waitFor(() => expect(router.state.location.search).toBe('?tab=history'));

    const timeline = await screen.findByRole('list', { name: 'History of this record, newest first' });
    const [first, second] = Array.from(timeline.children);
    expect(first?.textContent).toContain('Responsibility changed');
    expect(first?.textContent).toContain('By Ada Admin');
    await waitFor(() => expect(first?.textContent).toContain('Pablo Partnerships → Olga Officer'));
    expect(first?.textContent).toContain('Responsible officer: Pablo Partnerships → Olga Officer');
    expect(first?.textContent).toContain('Delegates: None → Pablo Partnerships');
    expect(first?.querySelector('time')?.getAttribute('datetime')).toBe('2026-03-02T14:30:00.000Z');
    expect(second?.textContent).toContain('Profile updated');
    expect(second?.textContent).toContain('Country: Norway → Sweden');
    expect(requestedUrls(fetchMock)).toContain(`${partnerUrl}/history?limit=25`);

    fireEvent.click(screen.getByRole('button', { name: 'Load older entries' }));
    expect(await screen.findByText('Partner registered')).toBeTruthy();
    expect(requestedUrls(fetchMock)).toContain(`${partnerUrl}/history?cursor=${updated.id}&limit=25`);
    // A creation lists the values only.
    const oldest = timeline.children[2];
    expect(oldest?.textContent).toContain(`Name: ${partner.name}Category: Government (OECD-DAC)`);
    expect(screen.getByText('No older entries.')).toBeTruthy();

    fireEvent.click(screen.getByRole('tab', { name: 'Profile' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
  });

  it('opens the History tab from a shared link, and says when there is no history yet', async () => {
    serve({ user: vera, history: 'empty' });
    renderPage(`${page}?tab=history`);
    expect(await screen.findByText('No history yet')).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'History' }).getAttribute('aria-selected')).toBe('true');
  });

  it('hands the partner to another officer with delegates, sending the version it was read at', async () => {
    const fetchMock = serve({ user: olga });
    renderPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Change responsibility' }));
    const dialog = await screen.findByRole('dialog', { name: `Change responsibility for ${partner.name}` });

    fireEvent.click(within(dialog).getByRole('combobox', { name: 'Responsible officer' }));
    fireEvent.click(await within(dialog).findByRole('option', { name: 'Pablo Partnerships' }));
    // Pablo is still a delegate: the contract's rule is shown beside the field at once.
    await waitFor(() =>
      expect(within(dialog).getByText('The responsible officer cannot also be a delegate.')).toBeTruthy(),
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save responsibility' }));
    expect(sentBodies(fetchMock, 'PUT')).toEqual([]);

    // Swap: Olga becomes the delegate instead.
    const delegates = within(dialog).getByRole('combobox', { name: 'Delegates' });
    fireEvent.keyDown(delegates, { key: 'Backspace' });
    fireEvent.click(delegates);
    fireEvent.click(await within(dialog).findByRole('option', { name: 'Olga Officer' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save responsibility' }));

    await waitFor(() =>
      expect(sentBodies(fetchMock, 'PUT')).toEqual([
        { responsibleOfficerId: pablo.id, delegateIds: [olga.id], version: partner.version },
      ]),
    );
    // (The shell and the test harness each mount a toast container.)
    expect(
      (await screen.findAllByText(`Responsibility for “${partner.name}” saved.`)).length,
    ).toBeGreaterThan(0);
  });

  it('labels due-diligence entries of the history: checks, flags and the status they changed', async () => {
    mockFetch(
      signedInAs(vera, ({ url }) => {
        if (url.pathname === partnerUrl) return { body: partner };
        if (url.pathname !== `${partnerUrl}/history`) return undefined;
        const flagId = '0190f3a2-7c4e-7b1a-9c2d-3e4f5a6b7f12';
        return {
          body: {
            nextCursor: null,
            items: [
              entry('13', {
                occurredAt: '2026-03-05T10:00:00.000Z',
                actorId: ada.id,
                actorName: 'Ada Admin',
                action: 'flag.resolved',
                changes: [
                  { field: 'flag', before: flagId, after: flagId },
                  { field: 'resolution', after: 'Removed from the list on appeal.' },
                ],
              }),
              entry('12', {
                occurredAt: '2026-03-04T10:00:00.000Z',
                actorId: olga.id,
                actorName: 'Olga Officer',
                action: 'partner.status-changed',
                changes: [
                  { field: 'status', before: 'ACTIVE', after: 'BLOCKED' },
                  { field: 'blockedForNewAgreements', before: false, after: true },
                ],
              }),
              entry('11', {
                occurredAt: '2026-03-04T10:00:00.000Z',
                actorId: olga.id,
                actorName: 'Olga Officer',
                action: 'flag.raised',
                changes: [
                  { field: 'level', after: 'RED' },
                  { field: 'category', after: 'SANCTIONS_MATCH' },
                ],
              }),
              entry('10', {
                occurredAt: '2026-03-03T10:00:00.000Z',
                actorId: olga.id,
                actorName: 'Olga Officer',
                action: 'check.recorded',
                changes: [
                  { field: 'type', after: 'SANCTIONS' },
                  { field: 'result', after: 'CLEAR' },
                  { field: 'checkedOn', after: '2026-03-02' },
                  { field: 'expiresOn', after: '2027-03-02' },
                ],
              }),
            ],
          },
        };
      }),
    );
    renderPage(`${page}?tab=history`);
    const timeline = await screen.findByRole('list', { name: 'History of this record, newest first' });
    const [resolved, status, raised, recorded] = Array.from(timeline.children).map(
      (item) => item.textContent,
    );
    expect(resolved).toContain('Flag resolved');
    expect(resolved).toContain('Flag: 0190f3a2Resolution: Removed from the list on appeal.');
    expect(status).toContain('Status changed');
    expect(status).toContain('Status: Active → Blocked');
    expect(status).toContain('Blocked for new agreements: No → Yes');
    expect(raised).toContain('Flag raised');
    expect(raised).toContain('Level: RedCategory: Sanctions match');
    expect(recorded).toContain('Check recorded');
    expect(recorded).toContain(
      'Check type: Sanctions screeningResult: ClearChecked on: Mar 2, 2026Expires on: Mar 2, 2027',
    );
  });

  it('says the partner does not exist', async () => {
    serve({ user: vera, partner: 'missing' });
    renderPage();
    expect(await screen.findByRole('heading', { name: 'Partner not found' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Back to partners' }).getAttribute('href')).toBe('/partners');
  });
});
