import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { errorOf, mockFetch, partnerFixture, renderWithApp } from '../../../testing/test-utils';
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
});
