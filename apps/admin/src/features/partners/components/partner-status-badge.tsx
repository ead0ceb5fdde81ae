import type { PartnerStatus } from '@pardev/contracts';
import { Badge, type BadgeProps, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { partnerStatusLabelKey } from '../../../lib/reference-labels';

// Blocked (a red flag, an expired mandatory check) must stand out; the word says it too.
const statusColors: Record<PartnerStatus, MantineColor> = {
  PROSPECT: 'blue',
  ACTIVE: 'green',
  INACTIVE: 'gray',
  BLOCKED: 'red',
};

interface PartnerStatusBadgeProps {
  status: PartnerStatus;
  size?: BadgeProps['size'];
}

/** Where the relationship stands: prospect, active, inactive, or blocked for new agreements. */
export const PartnerStatusBadge = ({ status, size }: PartnerStatusBadgeProps) => {
  const { t } = useTranslation();
  return (
    <Badge color={statusColors[status]} variant="light" tt="none" size={size} data-testid="partner-status">
      {t(partnerStatusLabelKey(status))}
    </Badge>
  );
};
