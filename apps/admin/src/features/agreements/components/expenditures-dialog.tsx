import { SetExpendituresBodySchema, type Project } from '@pardev/contracts';
import { Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProjectCommand } from '../api/projects';
import { amountRow, type AmountRow } from '../lib/amount-rows';
import { amountInputValue, parseAmount } from '../lib/money';
import { AmountRowsEditor } from './amount-rows-editor';
import { FormDialog } from './form-dialog';
import { UsdEquivalentText } from './money';
import { ProblemAlert } from './problem-alert';

/** Finance: what the project spent, by month, in its currency; USD at each month's UN rate. */
export const ExpendituresDialog = ({ project, onClose }: { project: Project; onClose: () => void }) => {
  const { t } = useTranslation();
  const command = useProjectCommand();
  const { currency } = project;
  const [rows, setRows] = useState<AmountRow[]>(() =>
    project.expenditures.map((e) => amountRow(e.month, amountInputValue(e.amountMinor, currency))),
  );
  const [tried, setTried] = useState(false);
  const body = {
    version: project.version,
    expenditures: rows.map((row) => ({
      month: row.period,
      amountMinor: parseAmount(row.amount, currency) ?? -1,
    })),
  };
  const parsed = SetExpendituresBodySchema.safeParse(body);
  const issues = parsed.success ? [] : parsed.error.issues;
  const errorAt = (index: number, input: 'period' | 'amount') =>
    tried &&
    issues.some(
      (i) =>
        i.path.map(String).join('.') ===
        `expenditures.${index}.${input === 'period' ? 'month' : 'amountMinor'}`,
    )
      ? input === 'period'
        ? t('agreements.projects.monthInvalid')
        : t('agreements.money.amountInvalid', { currency })
      : undefined;
  const listError = tried && issues.some((i) => i.path.length === 1);
  const saved = new Map(project.expenditures.map((e) => [e.month, e]));
  // The USD equivalent of a month as recorded, while its amount is unchanged.
  const usdOf = (row: AmountRow) => {
    const recorded = saved.get(row.period);
    if (!recorded || recorded.amountMinor !== parseAmount(row.amount, currency)) return undefined;
    if (recorded.usd) return <UsdEquivalentText usd={recorded.usd} currency={currency} />;
    return currency === 'USD' ? undefined : t('agreements.projects.noRateFor', { month: recorded.month });
  };

  const submit = () => {
    setTried(true);
    if (!parsed.success) return;
    command.mutate(
      { kind: 'expenditures', id: project.id, body: parsed.data },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('agreements.projects.expendituresSaved') });
          onClose();
        },
      },
    );
  };

  return (
    <FormDialog
      size="lg"
      gap="sm"
      title={t('agreements.projects.expendituresTitle', { code: project.code })}
      submitLabel={t('agreements.projects.saveExpenditures')}
      pending={command.isPending}
      onSubmit={submit}
      onClose={onClose}
    >
      <Text size="sm" c="dimmed">
        {t('agreements.projects.expendituresHelp', { currency })}
      </Text>
      <AmountRowsEditor
        rows={rows}
        onChange={setRows}
        periodInput={{ label: t('agreements.projects.month'), placeholder: '2026-03', w: 120 }}
        amountLabel={t('agreements.projects.amount', { currency })}
        errorAt={errorAt}
        amountDescription={usdOf}
        removeLabel={(index) => t('agreements.projects.removeMonth', { index: index + 1 })}
        listError={listError ? t('agreements.projects.monthTwice') : null}
        addLabel={t('agreements.projects.addMonth')}
      />
      {command.isError && <ProblemAlert title={t('agreements.projects.failed')} error={command.error} />}
    </FormDialog>
  );
};
