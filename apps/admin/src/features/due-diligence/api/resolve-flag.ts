import { DueDiligenceSchema, type ResolveFlagBody } from '@pardev/contracts';
import { apiRequest } from '../../../lib/api-client';
import { useDueDiligenceMutation } from './due-diligence-changed';
import { partnerApiPath } from './due-diligence-keys';

export interface ResolveFlagInput {
  partnerId: string;
  flagId: string;
  body: ResolveFlagBody;
}

export const resolveFlag = ({ partnerId, flagId, body }: ResolveFlagInput) =>
  apiRequest(`${partnerApiPath(partnerId)}/flags/${encodeURIComponent(flagId)}/resolve`, {
    method: 'POST',
    body,
    schema: DueDiligenceSchema,
  });

export const useResolveFlag = () => useDueDiligenceMutation(resolveFlag);
