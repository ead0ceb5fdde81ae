import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockFetch, partnerFixture, renderWithApp, staffResponse } from '../../../testing/test-utils';
import { PartnerProfile } from './partner-profile';

const parent = partnerFixture({ id: '0190f3a2-7c4e-7b1a-9c2d-3e4f5a6b7c99', name: 'United Nations' });
const partner = partnerFixture({
  legalName: 'Styrelsen för internationellt utvecklingssamarbete',
  iatiIdentifier: 'SE-0-SE-6',
  ownership: 'PUBLIC',
  region: 'EUROPE_CENTRAL_ASIA',
  parentPartnerId: parent.id,
  tags: ['core donor', 'pooled fund'],
  notes: 'Prefers reports in English.',
});

const renderProfile = (language: 'en' | 'fr' | 'es' = 'en') => {
  mockFetch(({ url }) => {
    if (url.pathname === '/api/v1/staff') return staffResponse(url);
    return url.pathname === `/api/v1/partners/${parent.id}` ? { body: parent } : undefined;
  });
  return renderWithApp({ routes: [{ path: '/', element: <PartnerProfile partner={partner} /> }], language });
};

describe('PartnerProfile', () => {
  it('shows the whole profile, with the region translated and the parent named and linked', async () => {
    renderProfile();
    expect(screen.getByText('Styrelsen för internationellt utvecklingssamarbete')).toBeTruthy();
    expect(screen.getByText('SE-0-SE-6')).toBeTruthy();
    expect(screen.getByText('Public')).toBeTruthy();
    expect(screen.getByText('Europe and Central Asia')).toBeTruthy();
    expect(screen.getByText('core donor and pooled fund')).toBeTruthy();
    expect(screen.getByText('Prefers reports in English.')).toBeTruthy();
    const link = await screen.findByRole('link', { name: 'United Nations' });
    expect(link.getAttribute('href')).toBe(`/partners/${parent.id}`);
  });

  it('speaks French', async () => {
    renderProfile('fr');
    expect(screen.getByText('Europe et Asie centrale')).toBeTruthy();
    expect(screen.getByText('Organisation mère')).toBeTruthy();
    expect(await screen.findByRole('link', { name: 'United Nations' })).toBeTruthy();
  });
});
