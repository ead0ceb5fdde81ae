import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { agreementFixture, sidaId } from '../../../testing/agreement-fixtures';
import {
  errorOf,
  mockFetch,
  renderWithApp,
  sentBodies,
  signedInAs,
  staff,
} from '../../../testing/test-utils';
import { CreateAgreementFlow } from './create-agreement-flow';

const acmeId = '0190f3a2-7c4e-7b1a-9c2d-3e4f5a6b7c99';
const options = {
  items: [
    {
      id: sidaId,
      name: 'Swedish International Development Cooperation Agency',
      acronym: 'SIDA',
      category: 'GOVERNMENT_OECD_DAC',
      country: 'SE',
      blockedForNewAgreements: false,
    },
    {
      id: acmeId,
      name: 'Acme Holdings',
      acronym: null,
      category: 'PRIVATE_SECTOR',
      country: null,
      blockedForNewAgreements: true,
    },
  ],
  total: 2,
  page: 1,
  pageSize: 50,
};

const serve = () =>
  mockFetch(
    signedInAs(staff.olga, ({ url, method }) => {
      if (url.pathname === '/api/v1/agreements/partner-options') return { body: options };
      if (method === 'POST' && url.pathname === '/api/v1/agreements')
        return { status: 201, body: agreementFixture() };
      return undefined;
    }),
  );

const renderFlow = (onCreated = vi.fn()) =>
  renderWithApp({
    routes: [
      {
        path: '/',
        element: (
          <CreateAgreementFlow
            defaultOfficerId={staff.olga.id}
            onCreated={onCreated}
            onCancel={() => undefined}
          />
        ),
      },
    ],
  });

const choose = async (label: string | RegExp, option: string | RegExp) => {
  fireEvent.click(screen.getAllByLabelText(label)[0] as HTMLElement);
  fireEvent.click(await screen.findByRole('option', { name: option }));
};

beforeAll(async () => {
  await import('./allocation-editors');
});

describe('creating an agreement step by step', { timeout: 20_000 }, () => {
  it('checks each step with the shared schema and explains what is missing', async () => {
    serve();
    renderFlow();
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText('Some values are missing or not valid')).toBeTruthy();
    expect(errorOf(screen.getByRole('textbox', { name: /^Title/ }))).toBe('This field is required.');
    // Still on the first step.
    expect(screen.getByRole('textbox', { name: /^Title/ })).toBeTruthy();
  });

  it('lists blocked partners as not selectable, with the reason', async () => {
    serve();
    renderFlow();
    fireEvent.click(screen.getAllByLabelText(/Funding partners/)[0] as HTMLElement);
    const blocked = await screen.findByRole('option', { name: /Acme Holdings — blocked/ });
    expect(
      blocked.getAttribute('aria-disabled') ?? blocked.getAttribute('data-combobox-disabled'),
    ).toBeTruthy();
    expect(screen.getByTestId('blocked-partners-note').textContent).toBe(
      'Acme Holdings is blocked for new agreements (a red flag or an expired mandatory check) and cannot be chosen.',
    );
  });

  it('reads the amount in the currency’s minor units, refuses extra decimals, and creates a draft', async () => {
    const fetchMock = serve();
    const onCreated = vi.fn();
    renderFlow(onCreated);
    await choose(/Funding partners/, /Swedish International/);
    fireEvent.change(screen.getByRole('textbox', { name: /^Title/ }), {
      target: { value: 'Decent work in Kenya' },
    });
    await choose(/Agreement type/, 'Project agreement');
    await choose(/Funding source/, 'XBDC (earmarked)');
    await choose(/Earmarking category/, /^3 · /);
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));

    await choose(/Currency/, 'EUR');
    const amount = await screen.findByRole('textbox', { name: /Total amount \(EUR\)/ });
    fireEvent.change(amount, { target: { value: '1000000.123' } });
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() =>
      expect(errorOf(amount)).toContain(
        'Enter an amount in EUR, such as 1234.50, with no more decimals than the currency has.',
      ),
    );
    fireEvent.change(amount, { target: { value: '1,000,000.50' } });
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));

    const end = await screen.findByLabelText('End date');
    fireEvent.change(screen.getByLabelText('Start date'), { target: { value: '2027-01-01' } });
    fireEvent.change(end, { target: { value: '2026-01-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(errorOf(end)).toContain('The end date is before the start date.'));
    fireEvent.change(end, { target: { value: '2028-12-31' } });
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));

    // Allocations: running sums as the shares are typed.
    fireEvent.click(await screen.findByRole('button', { name: 'Add a country or region' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Share' }), { target: { value: '60' } });
    await waitFor(() => expect(screen.getByTestId('recipients-sum').textContent).toBe('60 % of 100 %'));
    fireEvent.click(screen.getByRole('button', { name: 'Remove line 1' }));
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));

    const summary = await screen.findByTestId('create-summary');
    expect(within(summary).getByText('Add at least one recipient country or region.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Create the draft' }));
    await waitFor(() => expect(onCreated).toHaveBeenCalled());
    const [body] = sentBodies(fetchMock, 'POST') as Record<string, unknown>[];
    expect(body).toMatchObject({
      partnerIds: [sidaId],
      title: 'Decent work in Kenya',
      type: 'PROJECT_AGREEMENT',
      fundingSource: 'XBDC',
      earmarkingCategory: '3',
      currency: 'EUR',
      totalMinor: 100_000_050,
      startOn: '2027-01-01',
      endOn: '2028-12-31',
      responsibleOfficerId: staff.olga.id,
    });
  });
});
