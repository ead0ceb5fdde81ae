import { CurrencyCodeList } from '@pardev/contracts';
import { Select, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PscRateInput, TotalAmountInput } from './term-inputs';
import type { FlowStepProps } from './use-agreement-flow';

/** Step 2: the currency, the total in it, the programme support cost rate. */
export const AgreementMoneyStep = ({ draft, set, errorFor }: FlowStepProps) => {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      <Select
        label={t('agreements.fields.currency')}
        required
        searchable
        data={CurrencyCodeList.map((code) => ({ value: code, label: code }))}
        value={draft.currency}
        allowDeselect={false}
        onChange={(value) => set('currency', value ?? 'USD')}
        error={errorFor('currency')}
      />
      <TotalAmountInput
        currency={draft.currency}
        required
        help={t('agreements.create.amountHelp')}
        value={draft.amount}
        onChange={(value) => set('amount', value)}
        error={errorFor('totalMinor')}
      />
      <PscRateInput
        value={draft.pscRatePercent}
        onChange={(value) => set('pscRatePercent', value)}
        error={errorFor('pscRatePercent')}
      />
    </SimpleGrid>
  );
};
