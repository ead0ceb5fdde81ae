import { DueDiligenceSchema, type RecordCheckBody } from '@pardev/contracts';
import { apiRequest } from '../../../lib/api-client';
import { useDueDiligenceMutation } from './due-diligence-changed';
import { partnerApiPath } from './due-diligence-keys';

export interface RecordCheckInput {
  partnerId: string;
  body: RecordCheckBody;
}

export const recordCheck = ({ partnerId, body }: RecordCheckInput) =>
  apiRequest(`${partnerApiPath(partnerId)}/checks`, { method: 'POST', body, schema: DueDiligenceSchema });

export const useRecordCheck = () => useDueDiligenceMutation(recordCheck);
