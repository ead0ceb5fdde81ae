import { UserSchema } from '@pardev/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { userKeys } from './user-keys';

export interface ResetUserPasswordInput {
  id: string;
  password: string;
}

export const resetUserPassword = ({ id, password }: ResetUserPasswordInput) =>
  apiRequest(`/api/v1/users/${encodeURIComponent(id)}/password`, {
    method: 'POST',
    body: { password },
    schema: UserSchema,
  });

export const useResetUserPassword = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resetUserPassword,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.lists() }),
  });
};
