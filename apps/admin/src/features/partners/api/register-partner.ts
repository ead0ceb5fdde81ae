import { PartnerSchema, type RegisterPartnerRequest } from '@pardev/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { partnerOptionsKeyRoot } from '../../../lib/query-keys';
import { partnerKeys } from './partner-keys';

export const registerPartner = (body: RegisterPartnerRequest) =>
  apiRequest('/api/v1/partners', { method: 'POST', body, schema: PartnerSchema });

export const useRegisterPartner = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: registerPartner,
    onSuccess: async (partner) => {
      queryClient.setQueryData(partnerKeys.detail(partner.id), partner);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: partnerKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: partnerOptionsKeyRoot }),
      ]);
    },
  });
};
