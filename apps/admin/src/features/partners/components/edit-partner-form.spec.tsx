import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  errorOf,
  mockFetch,
  partnerFixture,
  problemResponse,
  renderWithApp,
  sentBodies,
  type FetchHandler,
} from '../../../testing/test-utils';
import { auditKeyRoot } from '../../../lib/query-keys';
import { partnerKeys } from '../api/partner-keys';
import { EditPartnerForm } from './edit-partner-form';

const partner = partnerFixture({ version: 2 });
const partnerUrl = `/api/v1/partners/${partner.id}`;

const renderForm = (handler: FetchHandler) => {
  const fetchMock = mockFetch(handler);
  const onSaved = vi.fn();
  const view = renderWithApp({
    routes: [
      { path: '/', element: <EditPartnerForm partner={partner} onSaved={onSaved} onCancel={vi.fn()} /> },
    ],
  });
  return { ...view, fetchMock, onSaved };
};

const textbox = (name: string) => screen.getByRole<HTMLInputElement>('textbox', { name });
const type = (name: string, value: string) => fireEvent.change(textbox(name), { target: { value } });
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));

describe('EditPartnerForm', { timeout: 15_000 }, () => {
  it('starts from the partner’s profile and sends the whole profile with the version it was read at', async () => {
    const saved = { ...partner, acronym: 'Sida', version: 3 };
    const { fetchMock, onSaved, queryClient } = renderForm(({ method, url }) =>
      method === 'PUT' && url.pathname === partnerUrl ? { body: saved } : undefined,
    );
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
    expect(textbox('Name').value).toBe(partner.name);
    expect(screen.getByRole<HTMLInputElement>('combobox', { name: 'Country' }).value).toBe('Sweden');

    type('Acronym', 'Sida');
    save();

    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(saved));
    expect(sentBodies(fetchMock, 'PUT')).toEqual([
      {
        name: partner.name,
        acronym: 'Sida',
        organisationType: '10',
        category: 'GOVERNMENT_OECD_DAC',
        country: 'SE',
        // The rest of the profile is sent too, so what the form shows is what is saved.
        legalName: null,
        iatiIdentifier: null,
        ownership: 'PUBLIC',
        parentPartnerId: null,
        status: 'ACTIVE',
        tags: [],
        notes: null,
        version: 2,
      },
    ]);
    expect(await screen.findByText(`Changes to “${partner.name}” saved.`)).toBeTruthy();
    expect(queryClient.getQueryData(partnerKeys.detail(partner.id))).toEqual(saved);
    expect(invalidate).toHaveBeenCalledWith({ queryKey: partnerKeys.lists() });
    expect(invalidate).toHaveBeenCalledWith({ queryKey: auditKeyRoot });
  });

  it('on a 409 says someone else changed the partner, keeps the input, shows their change and saves against the latest version', async () => {
    const latest = { ...partner, name: 'Sida (Sweden)', version: 3 };
    let conflicts = 1;
    const { fetchMock, onSaved } = renderForm(({ method, url, body }) => {
      if (url.pathname !== partnerUrl) return undefined;
      if (method === 'GET') return { body: latest };
      if (conflicts-- > 0) return problemResponse(409, 'VERSION_CONFLICT', { correlationId: 'c-409' });
      return { body: { ...latest, ...(body as object), version: 4 } };
    });

    type('Acronym', 'SIDA-SE');
    save();

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Someone else changed this partner');
    expect(alert.textContent).toContain('Everything you typed is kept');
    expect(textbox('Acronym').value).toBe('SIDA-SE');
    expect(onSaved).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Load the latest version' }));

    const notice = await screen.findByRole('status');
    expect(notice.textContent).toContain('Latest version loaded');
    expect(notice.textContent).toContain(`Name: ${partner.name} → Sida (Sweden)`);
    expect(textbox('Acronym').value).toBe('SIDA-SE');

    save();
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    const [first, second] = sentBodies(fetchMock, 'PUT') as { version: number; acronym: string }[];
    expect(first).toMatchObject({ version: 2, acronym: 'SIDA-SE' });
    expect(second).toMatchObject({ version: 3, acronym: 'SIDA-SE' });
  });

  it('lets the user drop their input for the latest version after a conflict', async () => {
    const latest = { ...partner, name: 'Sida (Sweden)', acronym: 'Sida', version: 3 };
    renderForm(({ method, url }) => {
      if (url.pathname !== partnerUrl) return undefined;
      return method === 'GET' ? { body: latest } : problemResponse(409, 'VERSION_CONFLICT');
    });
    type('Acronym', 'Mine');
    save();
    fireEvent.click(await screen.findByRole('button', { name: 'Load the latest version' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Discard my input, use the latest version' }));
    await waitFor(() => expect(textbox('Acronym').value).toBe('Sida'));
    expect(textbox('Name').value).toBe('Sida (Sweden)');
  });

  it('puts the field errors of a server 400 beside the fields and keeps the input', async () => {
    renderForm(({ method }) =>
      method === 'PUT'
        ? problemResponse(400, 'VALIDATION_FAILED', {
            correlationId: 'c-400',
            errors: [{ field: 'acronym', rule: 'too_big', message: 'is too long' }],
          })
        : undefined,
    );
    type('Acronym', 'SIDA2');
    save();
    await waitFor(() => expect(errorOf(textbox('Acronym'))).toContain('Acronym is too long'));
    expect(screen.getByRole('alert').textContent).toContain('The changes were not saved');
    expect(screen.getByTestId('correlation-id').textContent).toBe('Reference: c-400');
    expect(textbox('Acronym').value).toBe('SIDA2');
  });

  it('says in words when the role may not change the partner (403)', async () => {
    renderForm(({ method }) => (method === 'PUT' ? problemResponse(403, 'FORBIDDEN') : undefined));
    save();
    expect((await screen.findByRole('alert')).textContent).toContain('Your role does not allow this action.');
  });

  it('validates as the user types, with the update contract', async () => {
    const { fetchMock } = renderForm(() => undefined);
    type('Name', '');
    await waitFor(() => expect(errorOf(textbox('Name'))).toContain('This field is required.'));
    save();
    expect(sentBodies(fetchMock, 'PUT')).toEqual([]);
  });
});
