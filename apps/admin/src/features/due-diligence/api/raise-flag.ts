import { DueDiligenceSchema, type RaiseFlagBody } from '@pardev/contracts';
import { apiRequest } from '../../../lib/api-client';
import { useDueDiligenceMutation } from './due-diligence-changed';
import { partnerApiPath } from './due-diligence-keys';

export interface RaiseFlagInput {
  partnerId: string;
  body: RaiseFlagBody;
}

export const raiseFlag = ({ partnerId, body }: RaiseFlagInput) =>
  apiRequest(`${partnerApiPath(partnerId)}/flags`, { method: 'POST', body, schema: DueDiligenceSchema });

export const useRaiseFlag = () => useDueDiligenceMutation(raiseFlag);
