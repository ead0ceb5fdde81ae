import type { ReportDue } from '@pardev/contracts';
import { Anchor, Badge, Group, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateOnly } from '../../../components/date-time';
import { ListPagination } from '../../../components/list-pagination';
import { QueryErrorAlert } from '../../../components/query-error-alert';
import { daysBetween, todayIsoDate } from '../../../lib/dates';
import { agreementPath } from '../../../lib/record-paths';
import { useReportsDue, type ReportsQuery } from '../api/reports';

export const reportStatusColors: Readonly<Record<ReportDue['status'], string>> = {
  UPCOMING: 'blue',
  DUE_SOON: 'orange',
  OVERDUE: 'red',
  CANCELLED: 'gray',
};

/** The status in words and colour (never colour alone). */
export const ReportStatusBadge = ({ status }: { status: ReportDue['status'] }) => {
  const { t } = useTranslation();
  return (
    <Badge color={reportStatusColors[status]} variant="light" tt="none">
      {t(`reports.status.${status}`)}
    </Badge>
  );
};

/** "in 5 days" / "12 days overdue" / "due today". */
export const DueIn = ({ dueOn, status }: { dueOn: string; status: ReportDue['status'] }) => {
  const { t } = useTranslation();
  if (status === 'CANCELLED') return null;
  const days = daysBetween(todayIsoDate(), dueOn);
  return (
    <Text span size="xs" c={days < 0 ? 'red.9' : 'dimmed'}>
      {days === 0
        ? t('reports.dueToday')
        : days > 0
          ? t('reports.dueIn', { count: days })
          : t('reports.overdueBy', { count: -days })}
    </Text>
  );
};

const PageSize = 20;

interface ReportsDueTableProps {
  query: Omit<ReportsQuery, 'page' | 'pageSize'>;
  /** On a partner's page: which agreement each report belongs to. */
  showAgreement?: boolean;
}

/** The reports due (the reporting calendar results-service keeps), with their status. */
export const ReportsDueTable = ({ query, showAgreement = false }: ReportsDueTableProps) => {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const reports = useReportsDue({ ...query, page, pageSize: PageSize });

  if (reports.isPending) return <Skeleton height={120} />;
  if (reports.isError)
    return (
      <QueryErrorAlert
        title={t('reports.loadError')}
        error={reports.error}
        onRetry={() => void reports.refetch()}
      />
    );
  const { items, total } = reports.data;
  if (items.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('reports.none')}
      </Text>
    );
  const pages = Math.max(1, Math.ceil(total / PageSize));
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('reports.total', { count: total })}
      </Text>
      <Table withTableBorder striped fz="sm" data-testid="reports-due">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('reports.dueOn')}</Table.Th>
            {showAgreement && <Table.Th scope="col">{t('reports.agreement')}</Table.Th>}
            <Table.Th scope="col">{t('reports.type')}</Table.Th>
            <Table.Th scope="col">{t('reports.period')}</Table.Th>
            <Table.Th scope="col">{t('reports.statusLabel')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((report) => (
            <Table.Tr key={report.id}>
              <Table.Td>
                <Stack gap={0}>
                  <DateOnly value={report.dueOn} />
                  <DueIn dueOn={report.dueOn} status={report.status} />
                </Stack>
              </Table.Td>
              {showAgreement && (
                <Table.Td>
                  <Anchor component={Link} to={agreementPath(report.agreementId)} size="sm">
                    {report.agreementReference}
                  </Anchor>{' '}
                  <Text span size="xs" c="dimmed">
                    {report.agreementTitle}
                  </Text>
                </Table.Td>
              )}
              <Table.Td>{t(`reports.types.${report.type}`)}</Table.Td>
              <Table.Td>
                {report.periodStart && report.periodEnd ? (
                  <Group gap={4}>
                    <DateOnly value={report.periodStart} />–<DateOnly value={report.periodEnd} />
                  </Group>
                ) : (
                  <Text span size="sm" c="dimmed">
                    {t('reports.customDate')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <ReportStatusBadge status={report.status} />
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
          label={t('reports.pagination')}
          onChange={(changes) => changes.page !== undefined && setPage(changes.page)}
        />
      )}
    </Stack>
  );
};
