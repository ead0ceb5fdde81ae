import { UserSchema } from '@pardev/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { userKeys } from './user-keys';

export const deactivateUser = (id: string) =>
  apiRequest(`/api/v1/users/${encodeURIComponent(id)}/deactivate`, { method: 'POST', schema: UserSchema });

export const useDeactivateUser = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deactivateUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.lists() }),
  });
};
