import type { Partner } from '@pardev/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { auditKeyRoot, dueDiligenceKeyRoot, partnerOptionsKeyRoot } from '../../../lib/query-keys';
import { partnerKeys } from './partner-keys';

/**
 * After the server accepted a change: the record page shows the answer at once; lists, the
 * agreements' partner options, the audit trail (the record's history) and the due diligence (the
 * category decides the mandatory checks) are fetched again.
 */
export const partnerChanged = async (queryClient: QueryClient, partner: Partner): Promise<void> => {
  queryClient.setQueryData(partnerKeys.detail(partner.id), partner);
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: partnerKeys.lists() }),
    queryClient.invalidateQueries({ queryKey: partnerOptionsKeyRoot }),
    queryClient.invalidateQueries({ queryKey: auditKeyRoot }),
    queryClient.invalidateQueries({ queryKey: dueDiligenceKeyRoot }),
  ]);
};
