import {
  SavedViewListResponseSchema,
  SavedViewSchema,
  type SavedViewList,
  type SaveViewRequest,
} from '@pardev/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

// Views are the signed-in person's own: the keys hold no user id (signing out clears the cache).
export const savedViewKeys = {
  all: ['saved-views'] as const,
  list: (list: SavedViewList) => [...savedViewKeys.all, list] as const,
};

const savedViewsPath = '/api/v1/me/saved-views';

export const savedViewsQueryOptions = (list: SavedViewList) =>
  queryOptions({
    queryKey: savedViewKeys.list(list),
    queryFn: ({ signal }) =>
      apiRequest(savedViewsPath, { query: { list }, schema: SavedViewListResponseSchema, signal }),
  });

/** `enabled`: fetched when the menu first opens, not with every list. */
export const useSavedViews = (list: SavedViewList, enabled = true) =>
  useQuery({ ...savedViewsQueryOptions(list), enabled });

export const useSaveView = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveViewRequest) =>
      apiRequest(savedViewsPath, { method: 'POST', body, schema: SavedViewSchema }),
    onSuccess: (view) => queryClient.invalidateQueries({ queryKey: savedViewKeys.list(view.list) }),
  });
};

export interface DeleteViewInput {
  id: string;
  list: SavedViewList;
}

export const useDeleteView = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id }: DeleteViewInput) =>
      apiRequest(`${savedViewsPath}/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: (_, { list }) => queryClient.invalidateQueries({ queryKey: savedViewKeys.list(list) }),
  });
};
