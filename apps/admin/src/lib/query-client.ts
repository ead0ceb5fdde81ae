import { QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-error';

const MaxRetries = 2;

// Client errors (4xx) will not change on retry; network and server errors might.
const shouldRetry = (failureCount: number, error: unknown): boolean => {
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < MaxRetries;
};

export interface QueryClientHooks {
  /** Called when any query is refused with 401: the session has ended on the server. */
  onUnauthenticated?: (client: QueryClient) => void;
}

export const createQueryClient = (hooks: QueryClientHooks = {}): QueryClient => {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (isApiError(error) && error.isUnauthenticated) hooks.onUnauthenticated?.(client);
      },
    }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  });
  return client;
};
