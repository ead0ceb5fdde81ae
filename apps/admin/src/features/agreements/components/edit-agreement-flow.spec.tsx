import type { Agreement } from '@pardev/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { agreementFixture, agreementId } from '../../../testing/agreement-fixtures';
import {
  mockFetch,
  problemResponse,
  renderWithApp,
  sentBodies,
  signedInAs,
  staff,
} from '../../../testing/test-utils';
import { EditAgreementFlow } from './edit-agreement-flow';

const opened = agreementFixture({ version: 3 });
// Someone else moved the end date and the PSC rate while Olga was editing the title.
const theirs = agreementFixture({ version: 4, endOn: '2028-06-30', pscRatePercent: 7 });

const serve = () => {
  const state: { current: Agreement; puts: number } = { current: theirs, puts: 0 };
  const fetchMock = mockFetch(
    signedInAs(staff.olga, ({ url, method, body }) => {
      if (url.pathname === '/api/v1/agreements/partner-options')
        return { body: { items: [], total: 0, page: 1, pageSize: 50 } };
      if (url.pathname === `/api/v1/agreements/${agreementId}`) {
        if (method === 'GET') return { body: state.current };
        if (method === 'PUT') {
          state.puts += 1;
          const sent = body as { version: number; title: string };
          if (sent.version !== state.current.version)
            return problemResponse(409, 'VERSION_CONFLICT', { correlationId: 'corr-409' });
          state.current = { ...state.current, ...sent, version: state.current.version + 1 } as Agreement;
          return { body: state.current };
        }
      }
      return undefined;
    }),
  );
  return { fetchMock, state };
};

const toSummary = async () => {
  while (screen.queryByRole('button', { name: 'Next' })) {
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(screen.queryByText('Some values are missing or not valid')).toBeNull());
  }
  return screen.findByTestId('create-summary');
};

beforeAll(async () => {
  await import('./allocation-editors');
});

describe('editing the terms before signature', { timeout: 20_000 }, () => {
  it('after a 409, shows what someone else changed field by field and re-applies the person’s changes', async () => {
    const { fetchMock } = serve();
    const onSaved = vi.fn();
    renderWithApp({
      routes: [
        {
          path: '/',
          element: <EditAgreementFlow agreement={opened} onSaved={onSaved} onCancel={() => undefined} />,
        },
      ],
    });
    const title = screen.getByRole('textbox', { name: /^Title/ });
    expect((title as HTMLInputElement).value).toBe(opened.title);
    fireEvent.change(title, { target: { value: 'Decent work in Kenyan and Ugandan agriculture' } });
    fireEvent.change(screen.getByRole('textbox', { name: /^Description/ }), {
      target: { value: 'Mine' },
    });
    await toSummary();
    fireEvent.click(screen.getByRole('button', { name: 'Save the terms' }));

    const conflict = await screen.findByTestId('agreement-conflict');
    expect(within(conflict).getByText(/version 3 became 4/)).toBeTruthy();
    const end = within(conflict).getByTestId('conflict-endOn');
    expect(end.textContent).toContain('End date');
    expect(end.textContent).toContain('Dec 31, 2027'); // when opened, and as the person left it
    expect(end.textContent).toContain('Jun 30, 2028'); // now
    expect(within(conflict).getByTestId('conflict-pscRatePercent').textContent).toContain('7 %');
    // Only what the other person changed is listed.
    expect(within(conflict).queryByTestId('conflict-title')).toBeNull();
    expect(onSaved).not.toHaveBeenCalled();

    fireEvent.click(
      within(conflict).getByRole('button', { name: 'Re-apply my changes to the latest version' }),
    );
    expect(await screen.findByText('Your changes are applied to the latest version')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save the terms' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());

    const puts = sentBodies(fetchMock, 'PUT') as Record<string, unknown>[];
    expect(puts).toHaveLength(2);
    expect(puts[0]).toMatchObject({ version: 3, endOn: '2027-12-31', pscRatePercent: 13 });
    // Saved against the latest version: the person's title and description, the other person's dates and rate.
    expect(puts[1]).toMatchObject({
      version: 4,
      title: 'Decent work in Kenyan and Ugandan agriculture',
      description: 'Mine',
      endOn: '2028-06-30',
      pscRatePercent: 7,
    });
  });

  it('marks a field both people changed and keeps the person’s value unless they take the latest', async () => {
    serve();
    renderWithApp({
      routes: [
        {
          path: '/',
          element: (
            <EditAgreementFlow agreement={opened} onSaved={() => undefined} onCancel={() => undefined} />
          ),
        },
      ],
    });
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Next' }));
    const end = await screen.findByLabelText('End date');
    fireEvent.change(end, { target: { value: '2029-01-31' } });
    await toSummary();
    fireEvent.click(screen.getByRole('button', { name: 'Save the terms' }));
    const row = await screen.findByTestId('conflict-endOn');
    expect(within(row).getByText('You changed it too')).toBeTruthy();
    expect(row.textContent).toContain('Jan 31, 2029');

    fireEvent.click(screen.getByRole('button', { name: 'Discard my changes, use the latest version' }));
    await waitFor(() => expect(screen.queryByTestId('agreement-conflict')).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(((await screen.findByLabelText('End date')) as HTMLInputElement).value).toBe('2028-06-30');
  });
});
