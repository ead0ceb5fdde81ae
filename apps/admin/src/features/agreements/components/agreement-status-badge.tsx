import type { AgreementStatus } from '@pardev/contracts';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { statusColors } from '../lib/labels';

/** The status in words and colour (never colour alone). */
export const AgreementStatusBadge = ({ status }: { status: AgreementStatus }) => {
  const { t } = useTranslation();
  return (
    <Badge color={statusColors[status]} variant="light" tt="none" data-testid="agreement-status">
      {t(`agreements.status.${status}`)}
    </Badge>
  );
};
