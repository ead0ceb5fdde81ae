import {
  RecordInvoiceBodySchema,
  RecordReceiptBodySchema,
  TrancheBodySchema,
  type Tranche,
  type TrancheSchedule,
} from '@pardev/contracts';
import { Button, Group, Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIsoDate } from '../../../lib/dates';
import { useTrancheCommand, type TrancheCommand } from '../api/tranches';
import { amountInputValue, parseAmount } from '../lib/money';
import { ProblemAlert } from './problem-alert';

export type TrancheDialogKind = 'plan' | 'invoice' | 'receipt' | 'cancel';

interface TrancheDialogProps {
  kind: TrancheDialogKind;
  schedule: TrancheSchedule;
  /** The tranche acted on; none: a new tranche is planned. */
  tranche: Tranche | null;
  onClose: () => void;
}

type Errors = Partial<Record<string, string>>;

const DialogFrame = ({
  title,
  onClose,
  onSubmit,
  pending,
  error,
  submitLabel,
  children,
}: {
  title: string;
  onClose: () => void;
  onSubmit: () => void;
  pending: boolean;
  error: unknown;
  submitLabel: string;
  children: ReactNode;
}) => {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={title}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        <Stack gap="md">
          {children}
          {error !== null && error !== undefined && (
            <ProblemAlert title={t('agreements.tranches.failed')} error={error} />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={pending}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
};

/** Planning a tranche (officers), recording its invoice or receipt (finance), or cancelling it. */
export const TrancheDialog = ({ kind, schedule, tranche, onClose }: TrancheDialogProps) => {
  const { t } = useTranslation();
  const command = useTrancheCommand(schedule.agreementId);
  const { currency } = schedule;
  const [date, setDate] = useState(kind === 'plan' ? (tranche?.plannedOn ?? '') : todayIsoDate());
  const [amount, setAmount] = useState(tranche ? amountInputValue(tranche.amountMinor, currency) : '');
  const [text, setText] = useState(kind === 'plan' ? (tranche?.conditions ?? '') : '');
  const [rate, setRate] = useState('');
  const [errors, setErrors] = useState<Errors>({});

  const run = (next: TrancheCommand, done: string) =>
    command.mutate(next, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: done });
        onClose();
      },
    });

  const amountMinor = parseAmount(amount, currency);
  const amountError =
    amount.trim() === ''
      ? t('validation.required')
      : amountMinor === undefined
        ? t('agreements.money.amountInvalid', { currency })
        : amountMinor <= 0
          ? t('agreements.money.amountPositive')
          : undefined;

  const submit = () => {
    const found: Errors = {};
    if (kind === 'plan') {
      if (amountError) found['amount'] = amountError;
      const parsed = TrancheBodySchema.safeParse({
        plannedOn: date,
        amountMinor: amountMinor ?? 0,
        conditions: text,
      });
      if (!parsed.success && parsed.error.issues.some((issue) => issue.path[0] === 'plannedOn'))
        found['date'] = t('validation.required');
      setErrors(found);
      if (Object.keys(found).length > 0 || !parsed.success) return;
      const body = parsed.data;
      if (tranche) run({ kind: 'edit', trancheId: tranche.id, body }, t('agreements.tranches.saved'));
      else run({ kind: 'add', body }, t('agreements.tranches.added'));
    } else if (kind === 'receipt' && tranche) {
      if (amountError) found['amount'] = amountError;
      const parsed = RecordReceiptBodySchema.safeParse({
        receivedOn: date,
        receivedMinor: amountMinor ?? 0,
        ratePerUsd: rate.trim() === '' ? null : rate.trim().replace(',', '.'),
      });
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          if (issue.path[0] === 'receivedOn') found['date'] = t('validation.required');
          if (issue.path[0] === 'ratePerUsd') found['rate'] = t('agreements.money.rateInvalid');
        }
      }
      if (date > todayIsoDate()) found['date'] = t('validation.notFuture');
      setErrors(found);
      if (Object.keys(found).length > 0 || !parsed.success) return;
      run(
        { kind: 'receipt', trancheId: tranche.id, body: parsed.data },
        t('agreements.tranches.receiptDone'),
      );
    } else if (kind === 'invoice' && tranche) {
      const parsed = RecordInvoiceBodySchema.safeParse({ invoicedOn: date, invoiceReference: text });
      if (!parsed.success) found['date'] = t('validation.required');
      setErrors(found);
      if (!parsed.success) return;
      run(
        {
          kind: 'invoice',
          trancheId: tranche.id,
          invoicedOn: parsed.data.invoicedOn,
          invoiceReference: parsed.data.invoiceReference,
        },
        t('agreements.tranches.invoiceDone'),
      );
    } else if (kind === 'cancel' && tranche) {
      if (text.trim() === '') {
        setErrors({ text: t('agreements.refusal.reason_required') });
        return;
      }
      run({ kind: 'cancel', trancheId: tranche.id, reason: text.trim() }, t('agreements.tranches.cancelled'));
    }
  };

  const titles: Record<TrancheDialogKind, string> = {
    plan: tranche
      ? t('agreements.tranches.editTitle', { sequence: tranche.sequence })
      : t('agreements.tranches.addTitle'),
    invoice: t('agreements.tranches.invoiceTitle', { sequence: tranche?.sequence ?? 0 }),
    receipt: t('agreements.tranches.receiptTitle', { sequence: tranche?.sequence ?? 0 }),
    cancel: t('agreements.tranches.cancelTitle', { sequence: tranche?.sequence ?? 0 }),
  };
  const dateLabels: Record<TrancheDialogKind, string> = {
    plan: t('agreements.tranches.plannedOn'),
    invoice: t('agreements.tranches.invoicedOn'),
    receipt: t('agreements.tranches.receivedOn'),
    cancel: '',
  };

  return (
    <DialogFrame
      title={titles[kind]}
      onClose={onClose}
      onSubmit={submit}
      pending={command.isPending}
      error={command.error}
      submitLabel={kind === 'cancel' ? t('agreements.tranches.cancelAction') : t('agreements.save')}
    >
      {kind !== 'cancel' && (
        <TextInput
          type="date"
          label={dateLabels[kind]}
          required
          value={date}
          onChange={(event) => setDate(event.currentTarget.value)}
          error={errors['date']}
        />
      )}
      {(kind === 'plan' || kind === 'receipt') && (
        <TextInput
          label={
            kind === 'plan'
              ? t('agreements.tranches.amountIn', { currency })
              : t('agreements.tranches.receivedAmountIn', { currency })
          }
          required
          inputMode="decimal"
          value={amount}
          onChange={(event) => setAmount(event.currentTarget.value)}
          error={errors['amount']}
        />
      )}
      {kind === 'receipt' && (
        <TextInput
          label={t('agreements.tranches.rate', { currency })}
          description={t('agreements.tranches.rateHelp')}
          inputMode="decimal"
          value={rate}
          onChange={(event) => setRate(event.currentTarget.value)}
          error={errors['rate']}
        />
      )}
      {kind === 'plan' && (
        <Textarea
          label={t('agreements.tranches.conditions')}
          autosize
          minRows={2}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
        />
      )}
      {kind === 'invoice' && (
        <TextInput
          label={t('agreements.tranches.invoiceReference')}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
        />
      )}
      {kind === 'cancel' && (
        <>
          <Text size="sm">{t('agreements.tranches.cancelExplain')}</Text>
          <Textarea
            label={t('agreements.lifecycle.reason')}
            required
            autosize
            minRows={2}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            error={errors['text']}
          />
        </>
      )}
    </DialogFrame>
  );
};
