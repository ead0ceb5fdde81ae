import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  errorOf,
  mockFetch,
  partnerFixture,
  problemResponse,
  renderWithApp,
  requestedUrls,
  sentBodies,
} from '../../../testing/test-utils';
import { partnerKeys } from '../api/partner-keys';
import { CreatePartnerForm } from './create-partner-form';

const renderForm = (onCreated = vi.fn(), language: 'en' | 'fr' = 'en') => {
  const view = renderWithApp({
    routes: [{ path: '/', element: <CreatePartnerForm onCreated={onCreated} onCancel={vi.fn()} /> }],
    language,
  });
  return { ...view, onCreated };
};

const type = (label: string, value: string) =>
  fireEvent.change(screen.getByRole('textbox', { name: label }), { target: { value } });

const choose = async (label: string, option: string) => {
  fireEvent.click(screen.getByRole('combobox', { name: label }));
  fireEvent.click(await screen.findByRole('option', { name: option }));
};

const fieldError = (role: 'textbox' | 'combobox', label: string): string | null =>
  errorOf(screen.getByRole(role, { name: label }));

describe('CreatePartnerForm', { timeout: 15_000 }, () => {
  it('validates as the user types, with translated messages', async () => {
    mockFetch(() => undefined);
    renderForm();
    type('Name', 'x');
    type('Name', '');
    await waitFor(() => expect(fieldError('textbox', 'Name')).toContain('This field is required.'));
    type('Name', 'Ministry of Foreign Affairs of Norway');
    await waitFor(() => expect(fieldError('textbox', 'Name')).toBeNull());
    expect(fieldError('textbox', 'Acronym')).toBeNull();
  });

  it('shows a country error beside the field as soon as the category needs one, and clears it', async () => {
    mockFetch(() => undefined);
    renderForm();
    type('Name', 'Ministry of Foreign Affairs of Norway');
    await choose('Organisation type', 'Government');
    expect(fieldError('combobox', 'Country')).toBeNull();

    await choose('Category', 'Government (OECD-DAC)');
    await waitFor(() =>
      expect(fieldError('combobox', 'Country')).toContain('A country is required for this category.'),
    );

    await choose('Country', 'Norway');
    await waitFor(() => expect(fieldError('combobox', 'Country')).toBeNull());

    await choose('Category', 'Foundation');
    fireEvent.click(screen.getByRole('button', { name: 'Clear selection' }));
    await waitFor(() => expect(fieldError('combobox', 'Country')).toBeNull());
  });

  it('translates field errors when the language is French', async () => {
    mockFetch(() => undefined);
    renderForm(vi.fn(), 'fr');
    type('Nom', 'Ministère');
    await choose('Type d’organisation', 'Gouvernement');
    await choose('Catégorie', 'Gouvernement (CAD de l’OCDE)');
    await waitFor(() =>
      expect(fieldError('combobox', 'Pays')).toContain('Un pays est obligatoire pour cette catégorie.'),
    );
  });

  it('maps the field errors of a server 400 problem onto the fields and keeps the input', async () => {
    const fetchMock = mockFetch(({ method }) =>
      method === 'POST'
        ? {
            status: 400,
            contentType: 'application/problem+json',
            body: {
              type: 'https://pardev.example/problems/validation-failed',
              title: 'Validation failed',
              status: 400,
              code: 'VALIDATION_FAILED',
              correlationId: 'corr-400',
              errors: [
                { field: 'country', rule: 'custom', message: 'is not a country in the ISO 3166-1 list' },
                { field: 'acronym', rule: 'invalid_type', message: 'is required' },
              ],
            },
          }
        : undefined,
    );
    const { onCreated } = renderForm();
    type('Name', 'Fondation Botnar');
    type('Acronym', 'FB');
    await choose('Organisation type', 'Foundation');
    await choose('Category', 'Foundation');
    await choose('Country', 'Switzerland');

    fireEvent.click(screen.getByRole('button', { name: 'Create partner' }));

    await waitFor(() =>
      expect(fieldError('combobox', 'Country')).toContain('Country is not a country in the ISO 3166-1 list'),
    );
    expect(fieldError('textbox', 'Acronym')).toContain('This field is required.');
    expect(screen.getByRole('alert').textContent).toContain('The partner was not created');
    expect(screen.getByTestId('correlation-id').textContent).toBe('Reference: corr-400');
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Name' }).value).toBe('Fondation Botnar');
    expect(screen.getByRole<HTMLInputElement>('combobox', { name: 'Country' }).value).toBe('Switzerland');
    expect(onCreated).not.toHaveBeenCalled();

    const [, init] = fetchMock.mock.calls.find(([, request]) => request?.method === 'POST') ?? [];
    expect(JSON.parse(typeof init?.body === 'string' ? init.body : '')).toEqual({
      name: 'Fondation Botnar',
      acronym: 'FB',
      organisationType: '60',
      category: 'FOUNDATION',
      country: 'CH',
      legalName: null,
      iatiIdentifier: null,
      // The category's default until the user chooses.
      ownership: 'PRIVATE',
      parentPartnerId: null,
      status: 'ACTIVE',
      tags: [],
      notes: null,
      // Nobody named: an officer who registers a partner becomes its responsible officer.
      responsibleOfficerId: null,
    });
  });

  it('puts a duplicate-name conflict on the name field', async () => {
    mockFetch(({ method }) =>
      method === 'POST'
        ? {
            status: 409,
            contentType: 'application/problem+json',
            body: { type: 'about:blank', title: 'Conflict', status: 409, code: 'PARTNER_ALREADY_EXISTS' },
          }
        : undefined,
    );
    renderForm();
    type('Name', 'UNICEF');
    await choose('Organisation type', 'Multilateral');
    await choose('Category', 'UN entity or pooled fund');
    fireEvent.click(screen.getByRole('button', { name: 'Create partner' }));
    await waitFor(() =>
      expect(fieldError('textbox', 'Name')).toContain('A partner with this name is already registered.'),
    );
  });

  it('does not send an invalid form, and shows every error', async () => {
    const fetchMock = mockFetch(() => undefined);
    renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Create partner' }));
    await waitFor(() => expect(fieldError('textbox', 'Name')).toContain('This field is required.'));
    expect(fieldError('combobox', 'Organisation type')).toContain('This field is required.');
    expect(fieldError('combobox', 'Category')).toContain('This field is required.');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('creates the partner, announces it and refreshes the partner lists', async () => {
    const created = partnerFixture({
      name: 'Fondation Botnar',
      acronym: null,
      category: 'FOUNDATION',
      organisationType: '60',
      country: null,
    });
    mockFetch(({ method }) => (method === 'POST' ? { status: 201, body: created } : undefined));
    const { onCreated, queryClient } = renderForm();
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
    type('Name', '  Fondation Botnar ');
    await choose('Organisation type', 'Foundation');
    await choose('Category', 'Foundation');
    fireEvent.click(screen.getByRole('button', { name: 'Create partner' }));

    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(created));
    expect(await screen.findByText('Partner “Fondation Botnar” created.')).toBeTruthy();
    expect(invalidate).toHaveBeenCalledWith({ queryKey: partnerKeys.lists() });
    expect(queryClient.getQueryData(partnerKeys.detail(created.id))).toEqual(created);
  });

  it('checks the IATI identifier as the user types, and puts a taken identifier on its field', async () => {
    mockFetch(({ method }) =>
      method === 'POST'
        ? problemResponse(409, 'PARTNER_ALREADY_EXISTS', {
            errors: [{ field: 'iatiIdentifier', rule: 'unique', message: 'is taken' }],
          })
        : undefined,
    );
    renderForm();
    type('IATI identifier', 'XX-FOO 1');
    await waitFor(() =>
      expect(fieldError('textbox', 'IATI identifier')).toContain(
        'Enter an IATI organisation identifier such as XM-DAC-41302.',
      ),
    );
    type('IATI identifier', 'XM-DAC-41302');
    await waitFor(() => expect(fieldError('textbox', 'IATI identifier')).toBeNull());

    type('Name', 'UNICEF');
    await choose('Organisation type', 'Multilateral');
    await choose('Category', 'UN entity or pooled fund');
    fireEvent.click(screen.getByRole('button', { name: 'Create partner' }));
    await waitFor(() =>
      expect(fieldError('textbox', 'IATI identifier')).toContain(
        'Another partner already has this IATI identifier.',
      ),
    );
    expect(fieldError('textbox', 'Name')).toBeNull();
  });

  it('sends the rest of the profile: legal name, identifier, ownership, parent, status, tags and notes', async () => {
    const parent = partnerFixture({ id: '0190f3a2-7c4e-7b1a-9c2d-3e4f5a6b7c99', name: 'United Nations' });
    const created = partnerFixture({ name: 'UNICEF', category: 'UN_ENTITY', organisationType: '40' });
    const fetchMock = mockFetch(({ method, url }) => {
      if (method === 'GET' && url.pathname === '/api/v1/partners')
        return { body: { items: [parent], total: 1, page: 1, pageSize: 20 } };
      return method === 'POST' ? { status: 201, body: created } : undefined;
    });
    const { onCreated } = renderForm();
    type('Name', 'UNICEF');
    type('Legal name', 'United Nations Children’s Fund');
    type('IATI identifier', 'XM-DAC-41122');
    await choose('Organisation type', 'Multilateral');
    await choose('Category', 'UN entity or pooled fund');
    expect(screen.getByRole<HTMLInputElement>('combobox', { name: 'Ownership' }).value).toBe('Public');
    await choose('Ownership', 'Private');
    await choose('Parent organisation', 'United Nations');
    await choose('Status', 'Prospect');
    const tags = screen.getByLabelText<HTMLInputElement>('Tags', { selector: 'input' });
    tags.focus(); // the input takes typing only while it has the focus
    fireEvent.change(tags, { target: { value: 'Pooled Fund' } });
    fireEvent.keyDown(tags, { key: 'Enter' });
    type('Notes', 'Met at the donors’ round table.');
    fireEvent.click(screen.getByRole('button', { name: 'Create partner' }));

    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(created));
    expect(sentBodies(fetchMock, 'POST')).toEqual([
      {
        name: 'UNICEF',
        acronym: null,
        legalName: 'United Nations Children’s Fund',
        iatiIdentifier: 'XM-DAC-41122',
        organisationType: '40',
        category: 'UN_ENTITY',
        ownership: 'PRIVATE',
        country: null,
        parentPartnerId: parent.id,
        status: 'PROSPECT',
        tags: ['pooled fund'],
        notes: 'Met at the donors’ round table.',
        responsibleOfficerId: null,
      },
    ]);
  });

  it('warns of likely duplicates as the user types, links to them, and still lets the user create', async () => {
    const sida = { id: partnerFixture().id, name: 'Swedish International Development Cooperation Agency' };
    const created = partnerFixture({ name: 'Sida Sweden', acronym: null });
    const fetchMock = mockFetch(({ method, url }) => {
      if (method === 'GET' && url.pathname === '/api/v1/partners/duplicates') {
        const sameIdentifier = url.searchParams.get('iatiIdentifier') === 'XM-DAC-41302';
        return {
          body: {
            items: [
              {
                ...sida,
                acronym: 'SIDA',
                country: 'SE',
                iatiIdentifier: 'XM-DAC-41302',
                reason: sameIdentifier ? 'same-identifier' : 'similar-name',
                similarity: sameIdentifier ? 1 : 0.42,
              },
            ],
          },
        };
      }
      return method === 'POST' ? { status: 201, body: created } : undefined;
    });
    const { onCreated } = renderForm();
    type('Name', 'Si');
    type('Name', 'Sida Sweden');

    const warning = await screen.findByRole('status');
    expect(warning.textContent).toContain('Similar names');
    expect(warning.textContent).toContain('42% similar');
    const link = screen.getByRole('link', { name: /Swedish International Development Cooperation Agency/ });
    expect(link.getAttribute('href')).toBe(`/partners/${sida.id}`);
    expect(requestedUrls(fetchMock).filter((url) => url.includes('/duplicates'))).toEqual([
      '/api/v1/partners/duplicates?name=Sida+Sweden',
    ]);

    type('IATI identifier', 'XM-DAC-41302');
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toContain(
        'A partner with this IATI identifier already exists',
      ),
    );

    await choose('Organisation type', 'Government');
    await choose('Category', 'Foundation');
    fireEvent.click(screen.getByRole('button', { name: 'Create partner' }));
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(created));
  });
});
