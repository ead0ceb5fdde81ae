import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockFetch, renderWithApp, requestedUrls, signedInAs, staff } from '../../../testing/test-utils';
import { PartnerTimeline } from './partner-timeline';

const partnerId = '0190f3a2-7c4e-7b1a-9c2d-3e4f5a6b7c8d';
const agreementId = '0190f3a2-7c4e-7b1a-9c2d-3e4f5a6b7d01';
const entry = (
  n: number,
  kind: string,
  detail: Record<string, string | number | null>,
  occurredAt: string,
) => ({
  id: `0190f3a2-7c4e-7b1a-9c2d-3e4f5a6b7e${String(n).padStart(2, '0')}`,
  partnerId,
  occurredAt,
  kind,
  agreementId,
  reference: 'XBDC-2026-0042',
  title: 'Decent work in Kenyan agriculture',
  detail,
});

const received = entry(
  3,
  'TRANCHE_RECEIVED',
  { currency: 'EUR', receivedMinor: 50_000_000, usdMinor: 54_288_817, ratePerUsd: '0.921' },
  '2026-03-10T09:00:00.000Z',
);
const signedEntry = entry(
  2,
  'AGREEMENT_STATUS',
  { from: 'PENDING_SIGNATURE', to: 'SIGNED', action: 'sign', reason: null },
  '2026-02-01T09:00:00.000Z',
);
const drafted = entry(1, 'AGREEMENT_DRAFTED', {}, '2026-01-10T09:00:00.000Z');

const serve = () =>
  mockFetch(
    signedInAs(staff.olga, ({ url }) => {
      if (url.pathname !== `/api/v1/partners/${partnerId}/timeline`) return undefined;
      return url.searchParams.get('cursor') === signedEntry.id
        ? { body: { items: [drafted], nextCursor: null } }
        : { body: { items: [received, signedEntry], nextCursor: signedEntry.id } };
    }),
  );

describe('a partner’s timeline', () => {
  it('lists what happened with its agreements, newest first, and loads older entries by cursor', async () => {
    const fetchMock = serve();
    renderWithApp({ routes: [{ path: '/', element: <PartnerTimeline partnerId={partnerId} /> }] });
    const timeline = await screen.findByTestId('partner-timeline');
    const items = () => within(screen.getByTestId('partner-timeline')).getAllByText('XBDC-2026-0042');
    expect(items()).toHaveLength(2);
    expect(within(timeline).getByText('EUR 500,000.00 received')).toBeTruthy();
    expect(within(timeline).getByText('≈ USD 542,888.17 at 0.921 EUR per USD')).toBeTruthy();
    expect(within(timeline).getByText('Pending signature → Signed')).toBeTruthy();
    expect(items()[0]?.closest('a')?.getAttribute('href')).toBe(`/agreements/${agreementId}`);

    fireEvent.click(screen.getByRole('button', { name: 'Load older entries' }));
    await waitFor(() => expect(items()).toHaveLength(3));
    expect(screen.getByText('Agreement drafted')).toBeTruthy();
    expect(screen.getByText('No older entries.')).toBeTruthy();
    expect(requestedUrls(fetchMock).filter((u) => u.includes('/timeline'))).toEqual([
      `/api/v1/partners/${partnerId}/timeline?limit=30`,
      `/api/v1/partners/${partnerId}/timeline?cursor=${signedEntry.id}&limit=30`,
    ]);
  });

  it('reads in French', async () => {
    serve();
    renderWithApp({
      routes: [{ path: '/', element: <PartnerTimeline partnerId={partnerId} /> }],
      language: 'fr',
    });
    expect(await screen.findByText('En attente de signature → Signé')).toBeTruthy();
  });
});
