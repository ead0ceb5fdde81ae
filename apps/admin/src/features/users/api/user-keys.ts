import type { ListUsersQuerySchema } from '@pardev/contracts';
import type { z } from 'zod';

/** The list query after the contract's defaults: what the URL yields and the cache is keyed by. */
export type UsersQuery = z.output<typeof ListUsersQuerySchema>;

export const userKeys = {
  all: ['users'] as const,
  lists: () => [...userKeys.all, 'list'] as const,
  list: (query: UsersQuery) => [...userKeys.lists(), query] as const,
};
