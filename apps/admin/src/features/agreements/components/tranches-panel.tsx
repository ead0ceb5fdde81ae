import type { Agreement, Tranche } from '@pardev/contracts';
import { Badge, Button, Group, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/data-table';
import { DateOnly } from '../../../components/date-time';
import { QueryErrorAlert } from '../../../components/query-error-alert';
import { useTrancheSchedule } from '../api/tranches';
import { currentLanguage } from '../../../i18n/i18n';
import { trancheStatusColors } from '../lib/labels';
import { formatMoney } from '../lib/money';
import { Money, UsdEquivalentText } from './money';
import { TrancheChart } from './tranche-chart';
import { TrancheDialog, type TrancheDialogKind } from './tranche-dialogs';

interface TranchesPanelProps {
  agreement: Agreement;
  /** Officers responsible (and admins) plan tranches: canChangeAgreement. */
  mayPlan: boolean;
  /** Finance (and admins) record invoices and receipts: canRecordFinance. */
  mayRecord: boolean;
}

const Figure = ({ label, children, testId }: { label: string; children: ReactNode; testId: string }) => (
  <Stack gap={2}>
    <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
      {label}
    </Text>
    <Text fw={600} data-testid={testId}>
      {children}
    </Text>
  </Stack>
);

/** The contribution schedule: what is planned, invoiced and received, per tranche and in total. */
export const TranchesPanel = ({ agreement, mayPlan, mayRecord }: TranchesPanelProps) => {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const schedule = useTrancheSchedule(agreement.id);
  const [dialog, setDialog] = useState<{ kind: TrancheDialogKind; tranche: Tranche | null } | null>(null);

  if (schedule.isPending) return <Skeleton height={160} />;
  if (schedule.isError) {
    return (
      <QueryErrorAlert
        title={t('agreements.tranches.loadError')}
        error={schedule.error}
        onRetry={() => void schedule.refetch()}
      />
    );
  }
  const data = schedule.data;
  const { currency } = data;
  const open = (kind: TrancheDialogKind, tranche: Tranche | null) => setDialog({ kind, tranche });
  const gap = data.totalMinor - data.plannedMinor;

  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Figure label={t('agreements.fields.total')} testId="schedule-total">
          <Money minor={data.totalMinor} currency={currency} />
        </Figure>
        <Figure label={t('agreements.tranches.plannedTotal')} testId="schedule-planned">
          <Money minor={data.plannedMinor} currency={currency} />
        </Figure>
        <Figure label={t('agreements.tranches.receivedTotal')} testId="schedule-received">
          <Money minor={data.receivedMinor} currency={currency} />
        </Figure>
        <Figure label={t('agreements.tranches.receivedUsd')} testId="schedule-received-usd">
          <Money minor={data.receivedUsdMinor} currency="USD" />
        </Figure>
      </SimpleGrid>
      {gap !== 0 && (
        <Text size="sm" c="orange.9" data-testid="schedule-gap">
          {gap > 0
            ? t('agreements.tranches.underPlanned', { amount: formatMoney(gap, currency, language) })
            : t('agreements.tranches.overPlanned', { amount: formatMoney(-gap, currency, language) })}
        </Text>
      )}

      <Group justify="space-between">
        <Title order={2} size="h4">
          {t('agreements.tranches.title')}
        </Title>
        {mayPlan && <Button onClick={() => open('plan', null)}>{t('agreements.tranches.add')}</Button>}
      </Group>

      {data.items.length === 0 ? (
        <Text c="dimmed">{t('agreements.tranches.none')}</Text>
      ) : (
        <>
          <TrancheChart schedule={data} />
          <DataTable
            caption={t('agreements.tranches.caption')}
            busy={schedule.isFetching}
            minWidth={900}
            testId="tranches-table"
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('agreements.tranches.sequence')}</Table.Th>
                <Table.Th scope="col">{t('agreements.tranches.plannedOn')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('agreements.tranches.planned')}
                </Table.Th>
                <Table.Th scope="col">{t('agreements.fields.status')}</Table.Th>
                <Table.Th scope="col">{t('agreements.tranches.invoice')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('agreements.tranches.received')}
                </Table.Th>
                <Table.Th scope="col">{t('agreements.tranches.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((tranche) => {
                const live = tranche.status !== 'CANCELLED' && tranche.status !== 'RECEIVED';
                return (
                  <Table.Tr key={tranche.id} data-testid={`tranche-${tranche.sequence}`}>
                    <Table.Th scope="row">
                      {t('agreements.tranches.number', { sequence: tranche.sequence })}
                    </Table.Th>
                    <Table.Td>
                      <DateOnly value={tranche.plannedOn} />
                    </Table.Td>
                    <Table.Td ta="right">
                      <Money minor={tranche.amountMinor} currency={currency} />
                    </Table.Td>
                    <Table.Td>
                      <Badge color={trancheStatusColors[tranche.status]} variant="light" tt="none">
                        {t(`agreements.trancheStatus.${tranche.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {tranche.invoicedOn ? (
                        <>
                          <DateOnly value={tranche.invoicedOn} />
                          {tranche.invoiceReference ? ` · ${tranche.invoiceReference}` : ''}
                        </>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                    <Table.Td ta="right">
                      {tranche.receivedMinor !== null ? (
                        <Stack gap={0} align="flex-end">
                          <Money minor={tranche.receivedMinor} currency={currency} />
                          <UsdEquivalentText usd={tranche.receivedUsd} currency={currency} />
                          {tranche.receivedOn && (
                            <Text size="xs" c="dimmed">
                              <DateOnly value={tranche.receivedOn} />
                            </Text>
                          )}
                        </Stack>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        {mayPlan && live && (
                          <Button
                            size="compact-sm"
                            variant="default"
                            aria-label={t('agreements.tranches.editTitle', { sequence: tranche.sequence })}
                            onClick={() => open('plan', tranche)}
                          >
                            {t('agreements.tranches.edit')}
                          </Button>
                        )}
                        {mayRecord && live && tranche.status !== 'INVOICED' && (
                          <Button
                            size="compact-sm"
                            variant="default"
                            aria-label={t('agreements.tranches.invoiceTitle', { sequence: tranche.sequence })}
                            onClick={() => open('invoice', tranche)}
                          >
                            {t('agreements.tranches.recordInvoice')}
                          </Button>
                        )}
                        {mayRecord && live && (
                          <Button
                            size="compact-sm"
                            aria-label={t('agreements.tranches.receiptTitle', { sequence: tranche.sequence })}
                            onClick={() => open('receipt', tranche)}
                          >
                            {t('agreements.tranches.recordReceipt')}
                          </Button>
                        )}
                        {mayPlan && live && (
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            color="red"
                            aria-label={t('agreements.tranches.cancelTitle', { sequence: tranche.sequence })}
                            onClick={() => open('cancel', tranche)}
                          >
                            {t('agreements.tranches.cancelAction')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </DataTable>
        </>
      )}
      {dialog && (
        <TrancheDialog
          kind={dialog.kind}
          tranche={dialog.tranche}
          schedule={data}
          onClose={() => setDialog(null)}
        />
      )}
    </Stack>
  );
};
