import { UserSchema } from '@pardev/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { userKeys } from './user-keys';

export const reactivateUser = (id: string) =>
  apiRequest(`/api/v1/users/${encodeURIComponent(id)}/reactivate`, { method: 'POST', schema: UserSchema });

export const useReactivateUser = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: reactivateUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.lists() }),
  });
};
