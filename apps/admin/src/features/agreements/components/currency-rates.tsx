import { CurrencyCodeList, CurrencyRateSchema, MonthSchema } from '@pardev/contracts';
import { Button, FileButton, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DataTable } from '../../../components/data-table';
import { DateTime } from '../../../components/date-time';
import { QueryErrorAlert } from '../../../components/query-error-alert';
import { SkeletonRows } from '../../../components/skeleton-rows';
import { currentLanguage } from '../../../i18n/i18n';
import { todayIsoDate } from '../../../lib/dates';
import { useCurrencyRates, useImportCurrencyRates, useSetCurrencyRates } from '../api/currency-rates';
import { formatNumber } from '../lib/money';
import { ProblemAlert } from './problem-alert';

const thisMonth = () => todayIsoDate().slice(0, 7);

/** Finance: the UN operational rates of a month (units of a currency per USD), edited or imported from CSV. */
export const CurrencyRates = () => {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get('month');
  const month = requested && MonthSchema.safeParse(requested).success ? requested : thisMonth();
  const rates = useCurrencyRates({ month });
  const setRates = useSetCurrencyRates();
  const importRates = useImportCurrencyRates();
  const [currency, setCurrency] = useState<string | null>(null);
  const [rate, setRate] = useState('');
  const [error, setError] = useState<string | null>(null);

  const changeMonth = (next: string) =>
    setSearchParams((current) => {
      const params = new URLSearchParams(current);
      if (next && next !== thisMonth()) params.set('month', next);
      else params.delete('month');
      return params;
    });

  const save = () => {
    const parsed = CurrencyRateSchema.safeParse({
      currency: currency ?? '',
      month,
      ratePerUsd: rate.trim().replace(',', '.'),
    });
    if (!parsed.success) {
      setError(
        parsed.error.issues.some((issue) => issue.path[0] === 'currency')
          ? t('agreements.rates.chooseCurrency')
          : t('agreements.money.rateInvalid'),
      );
      return;
    }
    setError(null);
    setRates.mutate([parsed.data], {
      onSuccess: () => {
        notifications.show({
          color: 'green',
          message: t('agreements.rates.saved', { currency: parsed.data.currency, month }),
        });
        setRate('');
        setCurrency(null);
      },
    });
  };

  return (
    <Stack gap="lg">
      <Group align="flex-end" wrap="wrap">
        <TextInput
          type="month"
          label={t('agreements.rates.month')}
          value={month}
          onChange={(e) => changeMonth(e.currentTarget.value)}
          w={180}
        />
        <FileButton
          accept=".csv,text/csv"
          onChange={(file) => {
            if (!file) return;
            importRates.mutate(file, {
              onSuccess: (result) =>
                notifications.show({
                  color: 'green',
                  message: t('agreements.rates.imported', { count: result.items.length }),
                }),
            });
          }}
        >
          {(props) => (
            <Button variant="default" loading={importRates.isPending} {...props}>
              {t('agreements.rates.import')}
            </Button>
          )}
        </FileButton>
        <Text size="sm" c="dimmed">
          {t('agreements.rates.importHelp')}
        </Text>
      </Group>
      {importRates.isError && (
        <ProblemAlert title={t('agreements.rates.importFailed')} error={importRates.error} />
      )}

      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <Group align="flex-start" wrap="wrap">
          <Select
            label={t('agreements.fields.currency')}
            searchable
            data={CurrencyCodeList.filter((code) => code !== 'USD')}
            value={currency}
            onChange={(value) => {
              setCurrency(value);
              const existing = rates.data?.items.find((item) => item.currency === value);
              if (existing) setRate(existing.ratePerUsd);
            }}
            w={140}
          />
          <TextInput
            label={t('agreements.rates.ratePerUsd')}
            description={t('agreements.rates.rateHelp')}
            inputMode="decimal"
            value={rate}
            onChange={(e) => setRate(e.currentTarget.value)}
            error={error}
            w={240}
          />
          <Button type="submit" mt={24} loading={setRates.isPending}>
            {t('agreements.rates.save')}
          </Button>
        </Group>
      </form>
      {setRates.isError && <ProblemAlert title={t('agreements.rates.saveFailed')} error={setRates.error} />}

      {rates.isError ? (
        <QueryErrorAlert
          title={t('agreements.rates.loadError')}
          error={rates.error}
          onRetry={() => void rates.refetch()}
        />
      ) : (
        <DataTable
          caption={t('agreements.rates.caption', { month })}
          busy={rates.isFetching}
          minWidth={500}
          testId="rates-table"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('agreements.fields.currency')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('agreements.rates.ratePerUsd')}
              </Table.Th>
              <Table.Th scope="col">{t('agreements.rates.updatedAt')}</Table.Th>
              <Table.Th scope="col">{t('agreements.tranches.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rates.data ? (
              rates.data.items.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={4}>{t('agreements.rates.none', { month })}</Table.Td>
                </Table.Tr>
              ) : (
                rates.data.items.map((item) => (
                  <Table.Tr key={`${item.currency}-${item.month}`}>
                    <Table.Th scope="row">{item.currency}</Table.Th>
                    <Table.Td ta="right">{formatNumber(item.ratePerUsd, language)}</Table.Td>
                    <Table.Td>
                      <DateTime value={item.updatedAt} />
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="compact-sm"
                        variant="default"
                        aria-label={t('agreements.rates.editOne', { currency: item.currency })}
                        onClick={() => {
                          setCurrency(item.currency);
                          setRate(item.ratePerUsd);
                        }}
                      >
                        {t('agreements.tranches.edit')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))
              )
            ) : (
              <SkeletonRows rows={3} columns={4} testId="rates-skeleton-row" />
            )}
          </Table.Tbody>
        </DataTable>
      )}
    </Stack>
  );
};
