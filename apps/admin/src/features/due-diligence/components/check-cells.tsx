import type { DueDiligenceCheck } from '@pardev/contracts';
import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateOnly } from '../../../components/date-time';
import { useStaffNames } from '../../../lib/staff-directory';
import { CheckResultBadge } from './due-diligence-badges';
import { ExpiryDate } from './expiry-date';

// What every table of checks shows about a check: what it found, when and by whom, until when.

/** The column headers of the cells below. */
export const CheckColumnHeaders = () => {
  const { t } = useTranslation();
  return (
    <>
      <Table.Th scope="col">{t('dueDiligence.fields.result')}</Table.Th>
      <Table.Th scope="col">{t('dueDiligence.fields.checkedOn')}</Table.Th>
      <Table.Th scope="col">{t('dueDiligence.fields.reviewer')}</Table.Th>
      <Table.Th scope="col">{t('dueDiligence.fields.expiresOn')}</Table.Th>
    </>
  );
};

/** A check's result, date, reviewer (by name) and expiry, as cells of its row. */
export const CheckCells = ({ check }: { check: DueDiligenceCheck }) => {
  const { nameOf } = useStaffNames();
  return (
    <>
      <Table.Td>
        <CheckResultBadge result={check.result} />
      </Table.Td>
      <Table.Td>
        <DateOnly value={check.checkedOn} />
      </Table.Td>
      <Table.Td>{nameOf(check.reviewerId)}</Table.Td>
      <Table.Td>
        <ExpiryDate expiresOn={check.expiresOn} />
      </Table.Td>
    </>
  );
};
