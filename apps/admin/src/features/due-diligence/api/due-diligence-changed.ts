import type { DueDiligence } from '@pardev/contracts';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { isApiError } from '../../../lib/api-error';
import { auditKeyRoot, partnerKeyRoot, partnerOptionsKeyRoot } from '../../../lib/query-keys';
import { dueDiligenceKeys } from './due-diligence-keys';

/**
 * After the server accepted a check or a flag: the tab shows the answer at once; the partner (its
 * status, blocked or not), the partner lists, the agreements' partner options, the history and the
 * checks expiring soon are fetched again.
 */
export const dueDiligenceChanged = async (
  queryClient: QueryClient,
  dueDiligence: DueDiligence,
): Promise<void> => {
  queryClient.setQueryData(dueDiligenceKeys.partner(dueDiligence.partnerId), dueDiligence);
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: partnerKeyRoot }),
    queryClient.invalidateQueries({ queryKey: partnerOptionsKeyRoot }),
    queryClient.invalidateQueries({ queryKey: auditKeyRoot }),
    queryClient.invalidateQueries({ queryKey: dueDiligenceKeys.expiringLists() }),
  ]);
};

// Refusals that mean the screen is out of date: the user's access changed (403), the flag is gone
// (404) or someone else resolved it first (409).
const outOfDate = (error: unknown): boolean => isApiError(error) && [403, 404, 409].includes(error.status);

/**
 * A change to a partner's due diligence: the server answers with the whole due diligence. When it
 * refuses because the screen is out of date, the partner and its due diligence are fetched again.
 */
export const useDueDiligenceMutation = <Input extends { partnerId: string }>(
  mutationFn: (input: Input) => Promise<DueDiligence>,
) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (dueDiligence) => dueDiligenceChanged(queryClient, dueDiligence),
    onError: (error, { partnerId }) => {
      if (!outOfDate(error)) return;
      void queryClient.invalidateQueries({ queryKey: dueDiligenceKeys.partner(partnerId) });
      void queryClient.invalidateQueries({ queryKey: partnerKeyRoot });
    },
  });
};
