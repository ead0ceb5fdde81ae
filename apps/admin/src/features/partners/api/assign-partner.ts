import { PartnerSchema, type AssignPartnerBody } from '@pardev/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { partnerChanged } from './partner-changed';

export interface AssignPartnerInput {
  id: string;
  /** Responsible officer, delegates and the version they were read at. */
  body: AssignPartnerBody;
}

export const assignPartner = ({ id, body }: AssignPartnerInput) =>
  apiRequest(`/api/v1/partners/${encodeURIComponent(id)}/responsibility`, {
    method: 'PUT',
    body,
    schema: PartnerSchema,
  });

export const useAssignPartner = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: assignPartner,
    onSuccess: (partner) => partnerChanged(queryClient, partner),
  });
};
