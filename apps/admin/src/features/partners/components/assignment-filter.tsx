import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useStaffNames } from '../../../lib/staff-directory';

const All = 'all';

interface AssignmentFilterProps {
  /** The `assignedTo` filter of the list, when set. */
  assignedTo: string | undefined;
  currentUserId: string;
  /** Offer "My partners" (roles that can be responsible for partners). */
  withMine: boolean;
  /** The new filter: a user id, or '' for every partner. */
  onChange: (assignedTo: string) => void;
}

/** All partners, or those a person is responsible for or a delegate of ("My partners"). */
export const AssignmentFilter = ({
  assignedTo,
  currentUserId,
  withMine,
  onChange,
}: AssignmentFilterProps) => {
  const { t } = useTranslation();
  const { nameOf } = useStaffNames();
  const data = [{ value: All, label: t('partners.assignment.all') }];
  if (withMine) data.push({ value: currentUserId, label: t('partners.assignment.mine') });
  // A shared link may filter on a colleague: say whose partners are shown.
  if (assignedTo && assignedTo !== currentUserId) {
    data.push({ value: assignedTo, label: t('partners.assignment.of', { name: nameOf(assignedTo) }) });
  }
  return (
    <SegmentedControl
      aria-label={t('partners.assignment.label')}
      data={data}
      value={assignedTo ?? All}
      onChange={(value) => onChange(value === All ? '' : value)}
    />
  );
};
