import type { Agreement, TrancheSchedule } from '@pardev/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  agreementFixture,
  agreementId,
  scheduleFixture,
  trancheFixture,
} from '../../testing/agreement-fixtures';
import {
  mockFetch,
  problemResponse,
  renderWithApp,
  sentBodies,
  signedInAs,
  staff,
  type MockResponse,
} from '../../testing/test-utils';
import { appRoutes } from '../router';

const finance = {
  id: '0190f3a2-7c4e-7b1a-9c2d-3e4f5a6b7c06',
  displayName: 'Fiona Finance',
  roles: ['finance'],
} as const;

interface Server {
  agreement: Agreement;
  schedule: TrancheSchedule;
  transition?: (body: unknown) => MockResponse;
  receipt?: (body: unknown) => MockResponse;
}

const serve = (user: Parameters<typeof signedInAs>[0] | typeof finance, server: Server) =>
  mockFetch(
    signedInAs(user as Parameters<typeof signedInAs>[0], ({ url, method, body }) => {
      const base = `/api/v1/agreements/${agreementId}`;
      if (method === 'GET' && url.pathname === base) return { body: server.agreement };
      if (method === 'GET' && url.pathname === `${base}/tranches`) return { body: server.schedule };
      if (method === 'POST' && url.pathname === `${base}/transitions`) return server.transition?.(body);
      if (method === 'POST' && url.pathname.endsWith('/receipt')) return server.receipt?.(body);
      return undefined;
    }),
  );

const renderPage = (tab = '', language: 'en' | 'fr' = 'en') =>
  renderWithApp({ routes: appRoutes, initialEntries: [`/agreements/${agreementId}${tab}`], language });

// The lazy route modules load once, before the first test measures its own time.
beforeAll(async () => {
  await Promise.all([import('./protected-layout'), import('./agreement')]);
});

const twoTranches = scheduleFixture([trancheFixture(1), trancheFixture(2)]);

describe('agreement page: lifecycle steps', { timeout: 15_000 }, () => {
  it('disables a step with every reason the rules give, before anyone clicks', async () => {
    serve(staff.olga, {
      agreement: agreementFixture({
        startOn: null,
        responsibleOfficerId: staff.olga.id,
        allocations: {
          ...agreementFixture().allocations,
          recipients: [{ kind: 'COUNTRY', code: 'KE', percent: 60 }],
        },
      }),
      schedule: twoTranches,
    });
    renderPage();
    const submit = await screen.findByRole('button', { name: 'Submit for review' });
    expect(submit).toHaveProperty('disabled', true);
    const reasons = within(screen.getByTestId('refusals-submit'));
    expect(reasons.getByText('Enter the start and end dates.')).toBeTruthy();
    expect(reasons.getByText('The shares of countries and regions must add up to 100 %.')).toBeTruthy();
    // Cancel has no rule but its reason (asked in the dialog): it is enabled.
    expect(screen.getByRole('button', { name: 'Cancel agreement' })).toHaveProperty('disabled', false);
  });

  it('refuses to sign while a partner is blocked, naming the partner, in French', async () => {
    serve(staff.olga, {
      agreement: agreementFixture({
        status: 'PENDING_SIGNATURE',
        partners: [{ id: agreementId, name: 'Acme Holdings', acronym: null, blockedForNewAgreements: true }],
      }),
      schedule: twoTranches,
    });
    renderPage('', 'fr');
    const sign = await screen.findByRole('button', { name: 'Enregistrer la signature' });
    expect(sign).toHaveProperty('disabled', true);
    expect(
      within(screen.getByTestId('refusals-sign')).getByText(
        'Acme Holdings est bloqué pour de nouveaux accords (alerte rouge ou contrôle obligatoire expiré).',
      ),
    ).toBeTruthy();
    expect(screen.getByText('Bloqué pour de nouveaux accords')).toBeTruthy();
  });

  it('signs with a date in a confirmation dialog, and shows the server’s refusal as sentences', async () => {
    const fetchMock = serve(staff.olga, {
      agreement: agreementFixture({ status: 'PENDING_SIGNATURE' }),
      schedule: twoTranches,
      transition: () =>
        problemResponse(409, 'TRANSITION_REFUSED', {
          errors: [
            { field: 'partnerIds', rule: 'partner_blocked', message: 'SIDA is blocked for new agreements' },
            { field: 'tranches', rule: 'schedule_matches_total', message: 'the schedule must add up' },
          ],
        }),
    });
    renderPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Record signature' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(/Signed on/), { target: { value: '2026-01-20' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Record signature' }));
    const refusals = await within(dialog).findByTestId('transition-refusals');
    expect(refusals.textContent).toContain('A funding partner is blocked for new agreements');
    expect(refusals.textContent).toContain('The tranches (not cancelled) must add up to the total amount.');
    expect(sentBodies(fetchMock, 'POST')).toEqual([
      { action: 'sign', version: 3, reason: null, signedOn: '2026-01-20' },
    ]);
  });

  it('asks for a reason before cancelling', async () => {
    const fetchMock = serve(staff.olga, {
      agreement: agreementFixture(),
      schedule: twoTranches,
      transition: () => ({ body: agreementFixture({ status: 'CANCELLED', version: 4 }) }),
    });
    renderPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel agreement' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel agreement' }));
    expect(await within(dialog).findByText('Give a reason.')).toBeTruthy();
    expect(sentBodies(fetchMock, 'POST')).toEqual([]);
    fireEvent.change(within(dialog).getByLabelText(/Reason/), { target: { value: 'Partner withdrew' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel agreement' }));
    await waitFor(() =>
      expect(sentBodies(fetchMock, 'POST')).toEqual([
        { action: 'cancel', version: 3, reason: 'Partner withdrew', signedOn: null },
      ]),
    );
  });

  it('shows no step to someone who may not change the agreement', async () => {
    serve(staff.pablo, { agreement: agreementFixture(), schedule: twoTranches });
    renderPage();
    await screen.findByTestId('agreement-total');
    expect(screen.queryByRole('button', { name: 'Submit for review' })).toBeNull();
  });
});

describe('agreement page: money and tranches', { timeout: 15_000 }, () => {
  it('shows the total with its USD equivalent and the rate used', async () => {
    serve(staff.olga, { agreement: agreementFixture(), schedule: twoTranches });
    renderPage();
    expect((await screen.findByTestId('agreement-total')).textContent?.replace(/\s/g, ' ')).toBe(
      'EUR 1,000,000.00',
    );
    const usd = screen.getByTestId('usd-equivalent');
    expect(usd.textContent?.replace(/\s/g, ' ')).toBe('≈ USD 1,085,776.33');
    expect(usd.getAttribute('aria-label')).toContain('UN operational rate of 2026-01: 0.921 EUR per USD');
  });

  it('lets finance record a receipt in the agreement currency, with an optional rate', async () => {
    const received = scheduleFixture([
      trancheFixture(1, {
        status: 'RECEIVED',
        receivedOn: '2026-01-20',
        receivedMinor: 50_000_000,
        receivedUsd: { minor: 54_288_817, ratePerUsd: '0.921', rateMonth: '2026-01' },
      }),
      trancheFixture(2),
    ]);
    const fetchMock = serve(finance, {
      agreement: agreementFixture({ status: 'SIGNED' }),
      schedule: twoTranches,
      receipt: () => ({ body: received }),
    });
    renderPage('?tab=money');
    const table = await screen.findByTestId('tranches-table');
    // Finance records money; it does not plan tranches.
    expect(within(table).queryByRole('button', { name: 'Edit tranche 1' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add a tranche' })).toBeNull();
    expect(screen.getByTestId('tranche-chart')).toBeTruthy();
    fireEvent.click(within(table).getByRole('button', { name: 'Record tranche 1 as received' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(/Date received/), { target: { value: '2026-01-20' } });
    fireEvent.change(within(dialog).getByLabelText(/Amount received/), { target: { value: '500.000,125' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(
      await within(dialog).findByText(
        'Enter an amount in EUR, such as 1234.50, with no more decimals than the currency has.',
      ),
    ).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText(/Amount received/), { target: { value: '500000.00' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(sentBodies(fetchMock, 'POST')).toEqual([
        { receivedOn: '2026-01-20', receivedMinor: 50_000_000, ratePerUsd: null },
      ]),
    );
    await waitFor(() =>
      expect(screen.getByTestId('schedule-received-usd').textContent?.replace(/\s/g, ' ')).toBe(
        'USD 542,888.17',
      ),
    );
  });

  it('lets the responsible officer plan tranches but not record money', async () => {
    serve(staff.olga, { agreement: agreementFixture(), schedule: twoTranches });
    renderPage('?tab=money');
    const table = await screen.findByTestId('tranches-table');
    expect(screen.getByRole('button', { name: 'Add a tranche' })).toBeTruthy();
    expect(within(table).getByRole('button', { name: 'Edit tranche 1' })).toBeTruthy();
    expect(within(table).queryByRole('button', { name: 'Record tranche 1 as received' })).toBeNull();
  });
});
