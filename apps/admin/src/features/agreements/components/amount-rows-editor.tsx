import { ActionIcon, Button, Group, Text, TextInput, type TextInputProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { amountRow, type AmountRow } from '../lib/amount-rows';

interface AmountRowsEditorProps {
  rows: readonly AmountRow[];
  onChange: (rows: AmountRow[]) => void;
  /** The period input: its label and how it is typed (a year, a month). */
  periodInput: { label: string } & Pick<TextInputProps, 'w' | 'placeholder' | 'inputMode'>;
  amountLabel: string;
  /** The error of a row's period or amount, by the row's index. */
  errorAt: (index: number, input: 'period' | 'amount') => ReactNode;
  /** Below a row's amount, e.g. its USD equivalent. */
  amountDescription?: (row: AmountRow) => ReactNode;
  removeLabel: (index: number) => string;
  /** About the list as a whole (e.g. a period given twice). */
  listError: string | null;
  addLabel: string;
  /** The period a new row starts with. */
  newPeriod?: () => string;
}

/** Amounts typed by period, one row each, with a button to remove a row and one to add one. */
export const AmountRowsEditor = ({
  rows,
  onChange,
  periodInput: { label: periodLabel, ...periodProps },
  amountLabel,
  errorAt,
  amountDescription,
  removeLabel,
  listError,
  addLabel,
  newPeriod,
}: AmountRowsEditorProps) => {
  const update = (key: number, change: Partial<AmountRow>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...change } : r)));
  return (
    <>
      {rows.map((row, index) => (
        <Group key={row.key} align="flex-start" wrap="nowrap">
          <TextInput
            label={periodLabel}
            {...periodProps}
            value={row.period}
            onChange={(e) => update(row.key, { period: e.currentTarget.value })}
            error={errorAt(index, 'period')}
          />
          <TextInput
            label={amountLabel}
            inputMode="decimal"
            style={{ flex: 1 }}
            value={row.amount}
            onChange={(e) => update(row.key, { amount: e.currentTarget.value })}
            error={errorAt(index, 'amount')}
            description={amountDescription?.(row)}
          />
          <ActionIcon
            mt={25}
            variant="default"
            size="lg"
            aria-label={removeLabel(index)}
            onClick={() => onChange(rows.filter((r) => r.key !== row.key))}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      {listError && (
        <Text size="sm" c="red.9">
          {listError}
        </Text>
      )}
      <Group>
        <Button
          variant="default"
          size="xs"
          onClick={() => onChange([...rows, amountRow(newPeriod?.() ?? '')])}
        >
          {addLabel}
        </Button>
      </Group>
    </>
  );
};
