import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { sessionQueryKey } from './session-key';

export const logout = () => apiRequest('/api/v1/auth/logout', { method: 'POST' });

export const useLogout = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSuccess: () => {
      // Nothing the previous user saw may remain in memory for the next one.
      queryClient.clear();
      queryClient.setQueryData(sessionQueryKey, null);
    },
  });
};
