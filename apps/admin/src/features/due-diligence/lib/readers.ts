import { DueDiligenceReaderRoles } from '@pardev/contracts';
import { useTranslation } from 'react-i18next';
import { useListFormat } from '../../../lib/list-format';
import { roleLabelKey } from '../../../lib/reference-labels';

/** The roles that may read due-diligence details, in words ("Administrator, … and Auditor"). */
export const useReaderRolesText = (): string => {
  const { t } = useTranslation();
  const formatList = useListFormat();
  return formatList(DueDiligenceReaderRoles.map((role) => t(roleLabelKey(role))));
};
