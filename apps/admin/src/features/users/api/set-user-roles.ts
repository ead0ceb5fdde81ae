import { UserSchema, type Role } from '@pardev/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { userKeys } from './user-keys';

export interface SetUserRolesInput {
  id: string;
  roles: Role[];
}

export const setUserRoles = ({ id, roles }: SetUserRolesInput) =>
  apiRequest(`/api/v1/users/${encodeURIComponent(id)}/roles`, {
    method: 'POST',
    body: { roles },
    schema: UserSchema,
  });

export const useSetUserRoles = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setUserRoles,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.lists() }),
  });
};
