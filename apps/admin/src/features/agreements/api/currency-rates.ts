import { CurrencyRateListSchema, type CurrencyRate } from '@pardev/contracts';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { agreementKeys, currencyRateKeys } from './agreement-keys';

export interface RatesQuery {
  month?: string | undefined;
  currency?: string | undefined;
}

export const currencyRatesQueryOptions = (query: RatesQuery) =>
  queryOptions({
    queryKey: currencyRateKeys.list(query),
    queryFn: ({ signal }) =>
      apiRequest('/api/v1/currency-rates', { query: { ...query }, schema: CurrencyRateListSchema, signal }),
    placeholderData: keepPreviousData,
  });

export const useCurrencyRates = (query: RatesQuery) => useQuery(currencyRatesQueryOptions(query));

export const useSetCurrencyRates = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (rates: CurrencyRate[]) =>
      apiRequest('/api/v1/currency-rates', {
        method: 'PUT',
        body: { rates },
        schema: CurrencyRateListSchema,
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: currencyRateKeys.all });
      // USD equivalents of agreements depend on the rates.
      void queryClient.invalidateQueries({ queryKey: agreementKeys.all });
    },
  });
};

export const useImportCurrencyRates = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: Blob | string) =>
      apiRequest('/api/v1/currency-rates/import', {
        method: 'POST',
        raw: { content: file, contentType: 'text/csv' },
        schema: CurrencyRateListSchema,
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: currencyRateKeys.all });
      void queryClient.invalidateQueries({ queryKey: agreementKeys.all });
    },
  });
};
