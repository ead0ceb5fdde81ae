import { Anchor, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateOnly } from '../../../components/date-time';
import { ListPagination } from '../../../components/list-pagination';
import { QueryErrorAlert } from '../../../components/query-error-alert';
import { agreementPath } from '../../../lib/record-paths';
import { useAgreements } from '../api/agreements';
import { Money } from './money';
import { AgreementStatusBadge } from './agreement-status-badge';

const PageSize = 20;

/** A partner's agreements, compact: each links to its record page. */
export const PartnerAgreements = ({ partnerId }: { partnerId: string }) => {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const agreements = useAgreements({ partnerId, page, pageSize: PageSize, sort: '-updatedAt' });

  if (agreements.isPending) return <Skeleton height={120} />;
  if (agreements.isError)
    return (
      <QueryErrorAlert
        title={t('agreements.loadError')}
        error={agreements.error}
        onRetry={() => void agreements.refetch()}
      />
    );
  const { items, total } = agreements.data;
  if (items.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('agreements.partnerNone')}
      </Text>
    );
  const pages = Math.max(1, Math.ceil(total / PageSize));
  return (
    <Stack gap="sm">
      <Table withTableBorder striped fz="sm" data-testid="partner-agreements">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('agreements.fields.reference')}</Table.Th>
            <Table.Th scope="col">{t('agreements.fields.title')}</Table.Th>
            <Table.Th scope="col">{t('agreements.fields.status')}</Table.Th>
            <Table.Th scope="col">{t('agreements.fields.total')}</Table.Th>
            <Table.Th scope="col">{t('agreements.fields.period')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((agreement) => (
            <Table.Tr key={agreement.id}>
              <Table.Td>
                <Anchor component={Link} to={agreementPath(agreement.id)} size="sm">
                  {agreement.reference}
                </Anchor>
              </Table.Td>
              <Table.Td>{agreement.title}</Table.Td>
              <Table.Td>
                <AgreementStatusBadge status={agreement.status} />
              </Table.Td>
              <Table.Td>
                <Money minor={agreement.totalMinor} currency={agreement.currency} />
              </Table.Td>
              <Table.Td>
                {agreement.startOn ? <DateOnly value={agreement.startOn} /> : '—'} –{' '}
                {agreement.endOn ? <DateOnly value={agreement.endOn} /> : '—'}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {pages > 1 && (
        <ListPagination
          page={page}
          pages={pages}
          pageSize={PageSize}
          sizes={[PageSize]}
          label={t('agreements.pagination')}
          onChange={(changes) => changes.page !== undefined && setPage(changes.page)}
        />
      )}
    </Stack>
  );
};
