import { NumberInput, TextInput, Textarea } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n/i18n';
import { formatMoney, parseAmount } from '../lib/money';

interface TotalAmountInputProps {
  currency: string;
  value: string;
  onChange: (value: string) => void;
  error: ReactNode;
  required?: boolean;
  /** Shown while the amount cannot be read yet. */
  help?: string | undefined;
}

/** The total as typed in the agreement's currency, read back formatted below it. */
export const TotalAmountInput = ({
  currency,
  value,
  onChange,
  error,
  required,
  help,
}: TotalAmountInputProps) => {
  const { t, i18n } = useTranslation();
  const minor = parseAmount(value, currency);
  return (
    <TextInput
      label={t('agreements.create.totalIn', { currency })}
      description={minor !== undefined ? formatMoney(minor, currency, currentLanguage(i18n)) : help}
      required={required}
      inputMode="decimal"
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
    />
  );
};

/** A percentage, 0 to 100 with two decimals (an empty input reads as 0). */
export const PercentInput = ({
  label,
  value,
  onChange,
  error,
  w,
}: {
  label: string;
  value: number;
  onChange: (value: number) => void;
  error?: ReactNode;
  w?: number;
}) => (
  <NumberInput
    label={label}
    w={w}
    min={0}
    max={100}
    decimalScale={2}
    suffix=" %"
    value={value}
    onChange={(next) => onChange(typeof next === 'number' ? next : Number(next) || 0)}
    error={error}
  />
);

/** The programme support cost rate. */
export const PscRateInput = (props: {
  value: number;
  onChange: (value: number) => void;
  error?: ReactNode;
}) => {
  const { t } = useTranslation();
  return <PercentInput label={t('agreements.fields.pscRatePercent')} {...props} />;
};

/** The free-text description of an agreement or a project. */
export const DescriptionInput = ({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (value: string) => void;
  error?: ReactNode;
}) => {
  const { t } = useTranslation();
  return (
    <Textarea
      label={t('agreements.fields.description')}
      autosize
      minRows={2}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
    />
  );
};
