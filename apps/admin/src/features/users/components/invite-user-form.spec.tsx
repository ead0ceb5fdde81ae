import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { errorOf, mockFetch, renderWithApp } from '../../../testing/test-utils';
import { userKeys } from '../api/user-keys';
import { InviteUserForm } from './invite-user-form';

const renderForm = (onCreated = vi.fn(), language: 'en' | 'fr' = 'en') => {
  const view = renderWithApp({
    routes: [{ path: '/', element: <InviteUserForm onCreated={onCreated} onCancel={vi.fn()} /> }],
    language,
  });
  return { ...view, onCreated };
};

const type = (label: RegExp, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

const fieldError = (label: RegExp): string | null => errorOf(screen.getByLabelText(label));

const chooseRole = async (role: string) => {
  fireEvent.click(screen.getByRole('combobox', { name: 'Roles' }));
  fireEvent.click(await screen.findByRole('option', { name: role }));
};

const fillValidForm = async () => {
  type(/^Name/, 'Fatima Finance');
  type(/^Email/, 'fatima@pardev.test');
  await chooseRole('Finance');
  type(/^Password/, 'correct horse battery');
};

describe('InviteUserForm', { timeout: 15_000 }, () => {
  it('says a password is too short as the user types, and clears it when long enough', async () => {
    mockFetch(() => undefined);
    renderForm();
    type(/^Password/, 'short');
    await waitFor(() => expect(fieldError(/^Password/)).toContain('Enter at least 12 characters.'));
    type(/^Password/, 'a much longer passphrase');
    await waitFor(() => expect(fieldError(/^Password/)).toBeNull());
  });

  it('translates the password error in French', async () => {
    mockFetch(() => undefined);
    renderForm(vi.fn(), 'fr');
    type(/^Mot de passe/, 'court');
    await waitFor(() => expect(fieldError(/^Mot de passe/)).toContain('Saisissez au moins 12 caractères.'));
  });

  it('does not send an invalid form, and shows every error', async () => {
    const fetchMock = mockFetch(() => undefined);
    renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
    await waitFor(() => expect(fieldError(/^Name/)).toContain('This field is required.'));
    expect(fieldError(/^Email/)).toContain('This field is required.');
    expect(fieldError(/^Password/)).toContain('This field is required.');
    expect(screen.getByRole('combobox', { name: 'Roles' }).getAttribute('aria-invalid')).toBe('true');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('puts a server 400 error about the email on the email field and keeps the input', async () => {
    mockFetch(({ method }) =>
      method === 'POST'
        ? {
            status: 400,
            contentType: 'application/problem+json',
            body: {
              type: 'about:blank',
              title: 'a user with this e-mail already exists',
              status: 400,
              code: 'VALIDATION_FAILED',
              correlationId: 'corr-dup',
              errors: [{ field: 'email', rule: 'unique', message: 'is already used by another user' }],
            },
          }
        : undefined,
    );
    const { onCreated } = renderForm();
    await fillValidForm();
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));

    await waitFor(() => expect(fieldError(/^Email/)).toContain('A user with this email already exists.'));
    expect(screen.getByRole('alert').textContent).toContain('The account was not created');
    expect(screen.getByTestId('correlation-id').textContent).toBe('Reference: corr-dup');
    expect(screen.getByLabelText<HTMLInputElement>(/^Name/).value).toBe('Fatima Finance');
    expect(onCreated).not.toHaveBeenCalled();
  });

  it('creates the account, announces it and refreshes the user lists', async () => {
    const created = {
      id: '0190f3a2-7c4e-7b1a-9c2d-3e4f5a6b7c09',
      email: 'fatima@pardev.test',
      displayName: 'Fatima Finance',
      roles: ['finance'],
      active: true,
      createdAt: '2026-02-01T09:00:00.000Z',
    };
    const fetchMock = mockFetch(({ method }) =>
      method === 'POST' ? { status: 201, body: created } : undefined,
    );
    const { onCreated, queryClient } = renderForm();
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
    await fillValidForm();
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));

    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(created));
    expect(await screen.findByText('An account was created for Fatima Finance.')).toBeTruthy();
    expect(invalidate).toHaveBeenCalledWith({ queryKey: userKeys.lists() });
    const [, init] = fetchMock.mock.calls.find(([, request]) => request?.method === 'POST') ?? [];
    expect(JSON.parse(typeof init?.body === 'string' ? init.body : '')).toEqual({
      email: 'fatima@pardev.test',
      displayName: 'Fatima Finance',
      roles: ['finance'],
      password: 'correct horse battery',
    });
  });
});
