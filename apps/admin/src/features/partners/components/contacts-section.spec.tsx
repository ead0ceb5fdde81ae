import type { Contact } from '@pardev/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { auditKeyRoot } from '../../../lib/query-keys';
import {
  errorOf,
  mockFetch,
  partnerFixture,
  problemResponse,
  renderWithApp,
  sentBodies,
  type FetchHandler,
} from '../../../testing/test-utils';
import { ContactsSection } from './contacts-section';

const partner = partnerFixture();
const contactsUrl = `/api/v1/partners/${partner.id}/contacts`;

const anna: Contact = {
  id: '0190f3a2-7c4e-7b1a-9c2d-3e4f5a6b7d01',
  partnerId: partner.id,
  name: 'Anna Berg',
  role: 'Head of Development Cooperation',
  email: 'anna.berg@sida.se',
  phone: '+46 8 698 50 00',
  focalPoint: true,
  authorisedSignatory: false,
};
const lars: Contact = {
  ...anna,
  id: '0190f3a2-7c4e-7b1a-9c2d-3e4f5a6b7d02',
  name: 'Lars Holm',
  focalPoint: false,
};

const renderSection = (handler: FetchHandler, mayChange = true) => {
  const fetchMock = mockFetch(handler);
  const view = renderWithApp({
    routes: [{ path: '/', element: <ContactsSection partner={partner} mayChange={mayChange} /> }],
  });
  return { ...view, fetchMock };
};

describe('ContactsSection', { timeout: 15_000 }, () => {
  it('lists the contacts, read-only for someone who may not change the partner', async () => {
    renderSection(
      ({ url }) => (url.pathname === contactsUrl ? { body: { items: [anna] } } : undefined),
      false,
    );
    expect(await screen.findByText('Anna Berg')).toBeTruthy();
    expect(screen.getByText('Head of Development Cooperation')).toBeTruthy();
    expect(screen.getByText('Focal point')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'anna.berg@sida.se' }).getAttribute('href')).toBe(
      'mailto:anna.berg@sida.se',
    );
    expect(screen.queryByRole('button', { name: 'Add contact' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Edit Anna Berg' })).toBeNull();
  });

  it('adds a contact, says the focal point moves, validates as the user types and refreshes the history', async () => {
    const { fetchMock, queryClient } = renderSection(({ method, url }) => {
      if (url.pathname !== contactsUrl) return undefined;
      if (method === 'POST')
        return {
          body: {
            items: [
              { ...anna, focalPoint: false },
              { ...lars, focalPoint: true },
            ],
          },
        };
      return { body: { items: [anna] } };
    });
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
    fireEvent.click(await screen.findByRole('button', { name: 'Add contact' }));
    const dialog = await screen.findByRole('dialog', { name: `Add a contact of ${partner.name}` });
    const input = (name: string) => within(dialog).getByRole('textbox', { name });
    // The form is a lazy chunk.
    await within(dialog).findByRole('textbox', { name: 'Email' }, { timeout: 5_000 });

    fireEvent.change(input('Email'), { target: { value: 'lars@' } });
    await waitFor(() => expect(errorOf(input('Email'))).toContain('Enter an email address'));
    fireEvent.change(input('Email'), { target: { value: 'lars.holm@sida.se' } });
    fireEvent.change(input('Name'), { target: { value: 'Lars Holm' } });
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Focal point' }));
    expect(
      within(dialog).getByText(
        'Anna Berg is the focal point now; saving makes this contact the focal point instead.',
      ),
    ).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add contact' }));

    expect(await screen.findByText('Contact “Lars Holm” saved.')).toBeTruthy();
    expect(sentBodies(fetchMock, 'POST')).toEqual([
      {
        name: 'Lars Holm',
        role: null,
        email: 'lars.holm@sida.se',
        phone: null,
        focalPoint: true,
        authorisedSignatory: false,
      },
    ]);
    expect(await screen.findByText('Lars Holm')).toBeTruthy();
    expect(invalidate).toHaveBeenCalledWith({ queryKey: auditKeyRoot });
  });

  it('puts the server’s field errors beside the fields and keeps the input', async () => {
    renderSection(({ method, url }) => {
      if (method === 'POST' && url.pathname === contactsUrl)
        return problemResponse(400, 'VALIDATION_FAILED', {
          errors: [{ field: 'phone', rule: 'invalid_format', message: 'must be a phone number' }],
        });
      return url.pathname === contactsUrl ? { body: { items: [] } } : undefined;
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Add contact' }));
    const dialog = await screen.findByRole('dialog');
    const name = await within(dialog).findByRole('textbox', { name: 'Name' }, { timeout: 5_000 });
    fireEvent.change(name, { target: { value: 'Lars Holm' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add contact' }));
    await waitFor(() =>
      expect(errorOf(within(dialog).getByRole('textbox', { name: 'Phone' }))).toContain(
        'Phone must be a phone number',
      ),
    );
    expect(within(dialog).getByRole('alert').textContent).toContain('The contact was not saved');
    expect(within(dialog).getByRole<HTMLInputElement>('textbox', { name: 'Name' }).value).toBe('Lars Holm');
  });

  it('changes a contact', async () => {
    const { fetchMock } = renderSection(({ method, url }) => {
      if (method === 'PUT' && url.pathname === `${contactsUrl}/${anna.id}`)
        return { body: { items: [{ ...anna, authorisedSignatory: true }] } };
      return url.pathname === contactsUrl ? { body: { items: [anna] } } : undefined;
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Anna Berg' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit Anna Berg' });
    const name = await within(dialog).findByRole<HTMLInputElement>(
      'textbox',
      { name: 'Name' },
      { timeout: 5_000 },
    );
    expect(name.value).toBe('Anna Berg');
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Authorised signatory' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save contact' }));
    await waitFor(() => expect(sentBodies(fetchMock, 'PUT')).toHaveLength(1));
    expect(sentBodies(fetchMock, 'PUT')[0]).toMatchObject({ name: 'Anna Berg', authorisedSignatory: true });
    expect(await screen.findByText('Authorised signatory')).toBeTruthy();
  });

  it('removes a contact after a confirmation', async () => {
    const { fetchMock } = renderSection(({ method, url }) => {
      if (method === 'DELETE' && url.pathname === `${contactsUrl}/${lars.id}`)
        return { body: { items: [anna] } };
      return url.pathname === contactsUrl ? { body: { items: [anna, lars] } } : undefined;
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Remove Lars Holm' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove' });
    expect(within(dialog).getByText('Remove Lars Holm from the contacts of this partner?')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove' }));
    expect(await screen.findByText('Lars Holm removed from the contacts.')).toBeTruthy();
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'DELETE')).toBe(true);
    await waitFor(() => expect(screen.queryByText('Lars Holm')).toBeNull());
  });
});
