import { SessionUserSchema, type SessionUser } from '@pardev/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest, isApiError } from '../../../lib/api-client';
import { sessionQueryKey } from './session-key';

/** The signed-in user, or null when there is no session (401). */
export const getSession = async (signal?: AbortSignal): Promise<SessionUser | null> => {
  try {
    return await apiRequest('/api/v1/auth/me', { schema: SessionUserSchema, signal });
  } catch (error) {
    if (isApiError(error) && error.isUnauthenticated) return null;
    throw error;
  }
};

export const sessionQueryOptions = () =>
  queryOptions({
    queryKey: sessionQueryKey,
    queryFn: ({ signal }) => getSession(signal),
    staleTime: 5 * 60_000,
  });

export const useSession = () => useQuery(sessionQueryOptions());
