import { PartnerSchema, type UpdatePartnerBody } from '@pardev/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { partnerChanged } from './partner-changed';

export interface UpdatePartnerInput {
  id: string;
  /** The whole profile and the version it was read at (409 VERSION_CONFLICT when it moved on). */
  body: UpdatePartnerBody;
}

export const updatePartner = ({ id, body }: UpdatePartnerInput) =>
  apiRequest(`/api/v1/partners/${encodeURIComponent(id)}`, { method: 'PUT', body, schema: PartnerSchema });

export const useUpdatePartner = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePartner,
    onSuccess: (partner) => partnerChanged(queryClient, partner),
  });
};
