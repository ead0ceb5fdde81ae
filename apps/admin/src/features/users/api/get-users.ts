import { UserPageSchema } from '@pardev/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { userKeys, type UsersQuery } from './user-keys';

export const getUsers = (query: UsersQuery, signal?: AbortSignal) =>
  apiRequest('/api/v1/users', { query: { ...query }, schema: UserPageSchema, signal });

export const usersQueryOptions = (query: UsersQuery) =>
  queryOptions({
    queryKey: userKeys.list(query),
    queryFn: ({ signal }) => getUsers(query, signal),
    // Paging and searching keep the previous page on screen instead of flashing a skeleton.
    placeholderData: keepPreviousData,
  });

export const useUsers = (query: UsersQuery) => useQuery(usersQueryOptions(query));
