import type { AgreementListItem, AgreementSorts } from '@pardev/contracts';
import { Anchor, Table, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { DataTable } from '../../../components/data-table';
import { SkeletonRows } from '../../../components/skeleton-rows';
import { currentLanguage } from '../../../i18n/i18n';
import { formatDate } from '../../../lib/dates';
import { agreementPath } from '../../../lib/record-paths';
import { useStaffNames } from '../../../lib/staff-directory';
import { fundingSourceLabel } from '../lib/labels';
import { formatMoney } from '../lib/money';
import { AgreementStatusBadge } from './agreement-status-badge';

type Sort = (typeof AgreementSorts)[number];

interface AgreementsTableProps {
  agreements: readonly AgreementListItem[] | undefined;
  caption: string;
  busy: boolean;
  sort: Sort;
  onSort: (sort: Sort) => void;
}

const Columns = 9;

// Few elements per row (the table of a full page stays well under 1,400 DOM nodes): plain text
// cells, one link, one badge; the USD rate is on the record page.
export const AgreementsTable = ({ agreements, caption, busy, sort, onSort }: AgreementsTableProps) => {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const { nameOf } = useStaffNames();
  const { search } = useLocation();
  const list = new Intl.ListFormat(language, { style: 'short', type: 'unit' });

  const sortable = (label: string, ascending: Sort | undefined, descending: Sort) => {
    const direction = sort === ascending ? 'ascending' : sort === descending ? 'descending' : undefined;
    return (
      <Table.Th scope="col" aria-sort={direction}>
        <UnstyledButton
          fw={700}
          fz="inherit"
          onClick={() => onSort(sort === descending && ascending ? ascending : descending)}
        >
          {label}
          {direction === 'ascending' ? ' ↑' : direction === 'descending' ? ' ↓' : ''}
        </UnstyledButton>
      </Table.Th>
    );
  };

  return (
    <DataTable caption={caption} busy={busy} minWidth={1100} testId="agreements-table">
      <Table.Thead>
        <Table.Tr>
          {sortable(t('agreements.fields.reference'), 'reference', '-reference')}
          {sortable(t('agreements.fields.title'), 'title', 'title')}
          <Table.Th scope="col">{t('agreements.fields.partners')}</Table.Th>
          <Table.Th scope="col">{t('agreements.fields.status')}</Table.Th>
          <Table.Th scope="col">{t('agreements.fields.fundingSource')}</Table.Th>
          <Table.Th scope="col" ta="right">
            {t('agreements.fields.total')}
          </Table.Th>
          {sortable(t('agreements.fields.totalUsd'), undefined, '-totalUsd')}
          {sortable(t('agreements.fields.period'), 'startOn', '-startOn')}
          <Table.Th scope="col">{t('agreements.fields.responsibleOfficer')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {agreements ? (
          agreements.map((agreement) => (
            <Table.Tr key={agreement.id}>
              <Table.Th scope="row" fw={500}>
                <Anchor
                  component={Link}
                  to={agreementPath(agreement.id)}
                  state={{ listSearch: search }}
                  inherit
                >
                  {agreement.reference}
                </Anchor>
              </Table.Th>
              <Table.Td>{agreement.title}</Table.Td>
              <Table.Td>{list.format(agreement.partners.map((p) => p.acronym ?? p.name))}</Table.Td>
              <Table.Td>
                <AgreementStatusBadge status={agreement.status} />
              </Table.Td>
              <Table.Td>{fundingSourceLabel(t, agreement.fundingSource)}</Table.Td>
              <Table.Td ta="right">
                {formatMoney(agreement.totalMinor, agreement.currency, language)}
              </Table.Td>
              <Table.Td ta="right">
                {agreement.totalUsd
                  ? formatMoney(agreement.totalUsd.minor, 'USD', language)
                  : t('agreements.money.noRateShort')}
              </Table.Td>
              <Table.Td>
                {agreement.startOn && agreement.endOn
                  ? t('agreements.period', {
                      start: formatDate(agreement.startOn, language),
                      end: formatDate(agreement.endOn, language),
                    })
                  : '—'}
              </Table.Td>
              <Table.Td>
                {agreement.responsibleOfficerId
                  ? nameOf(agreement.responsibleOfficerId)
                  : t('agreements.unassigned')}
              </Table.Td>
            </Table.Tr>
          ))
        ) : (
          <SkeletonRows rows={5} columns={Columns} testId="agreements-skeleton-row" />
        )}
      </Table.Tbody>
    </DataTable>
  );
};
