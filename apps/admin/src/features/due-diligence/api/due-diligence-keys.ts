import { dueDiligenceKeyRoot } from '../../../lib/query-keys';

export const dueDiligenceKeys = {
  all: dueDiligenceKeyRoot,
  partners: () => [...dueDiligenceKeyRoot, 'partner'] as const,
  partner: (partnerId: string) => [...dueDiligenceKeys.partners(), partnerId] as const,
  expiringLists: () => [...dueDiligenceKeyRoot, 'expiring'] as const,
  expiring: (days: number) => [...dueDiligenceKeys.expiringLists(), days] as const,
};

/** The partner's address in the API, under which its due diligence lives. */
export const partnerApiPath = (partnerId: string): string =>
  `/api/v1/partners/${encodeURIComponent(partnerId)}`;
