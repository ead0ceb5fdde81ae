import { SessionUserSchema, type LoginRequest } from '@pardev/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { sessionQueryKey } from './session-key';

export const login = (body: LoginRequest) =>
  apiRequest('/api/v1/auth/login', { method: 'POST', body, schema: SessionUserSchema });

export const useLogin = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (user) => {
      queryClient.setQueryData(sessionQueryKey, user);
    },
  });
};
