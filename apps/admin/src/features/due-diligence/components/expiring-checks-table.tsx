import type { ExpiringChecks } from '@pardev/contracts';
import { Anchor, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../../components/data-table';
import { SkeletonRows } from '../../../components/skeleton-rows';
import { PartnerTab, partnerTabPath } from '../../../lib/record-paths';
import { checkTypeLabelKey } from '../../../lib/reference-labels';
import { CheckCells, CheckColumnHeaders } from './check-cells';

const SkeletonRowCount = 5;
const Columns = 6;

interface ExpiringChecksTableProps {
  /** Longest expired, then soonest to expire first; undefined while the first answer loads. */
  checks: ExpiringChecks['items'] | undefined;
  caption: string;
  busy: boolean;
}

/** Checks to renew: whose (a link to the partner's due diligence), which, and until when. */
export const ExpiringChecksTable = ({ checks, caption, busy }: ExpiringChecksTableProps) => {
  const { t } = useTranslation();
  return (
    <DataTable caption={caption} busy={busy} minWidth={820} testId="expiring-checks-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('dueDiligence.expiring.partner')}</Table.Th>
          <Table.Th scope="col">{t('dueDiligence.fields.type')}</Table.Th>
          <CheckColumnHeaders />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {checks?.map((check) => (
          <Table.Tr key={check.id}>
            <Table.Th scope="row" fw={500}>
              <Anchor component={Link} to={partnerTabPath(check.partnerId, PartnerTab.DueDiligence)} inherit>
                {check.partnerName}
              </Anchor>
            </Table.Th>
            <Table.Td>{t(checkTypeLabelKey(check.type))}</Table.Td>
            <CheckCells check={check} />
          </Table.Tr>
        )) ?? <SkeletonRows rows={SkeletonRowCount} columns={Columns} testId="expiring-skeleton-row" />}
      </Table.Tbody>
    </DataTable>
  );
};
