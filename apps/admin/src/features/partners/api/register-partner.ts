import { PartnerSchema, type RegisterPartnerRequest } from '@pardev/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { partnerChanged } from './partner-changed';

export const registerPartner = (body: RegisterPartnerRequest) =>
  apiRequest('/api/v1/partners', { method: 'POST', body, schema: PartnerSchema });

export const useRegisterPartner = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: registerPartner,
    onSuccess: (partner) => partnerChanged(queryClient, partner),
  });
};
