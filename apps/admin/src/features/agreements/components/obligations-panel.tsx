import {
  FinalStatuses,
  ReportFrequencies,
  ReportTypes,
  ReportingObligationInputSchema,
  reportingCalendar,
  type Agreement,
  type ObligationList,
  type ReportFrequency,
  type ReportType,
  type ReportingObligation,
} from '@pardev/contracts';
import {
  ActionIcon,
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DateOnly } from '../../../components/date-time';
import { QueryErrorAlert } from '../../../components/query-error-alert';
import { useObligations, useSetObligations } from '../api/obligations';
import { ProblemAlert } from './problem-alert';

export interface ObligationRow {
  key: number;
  id?: string | undefined;
  type: ReportType | null;
  frequency: ReportFrequency | null;
  daysAfterPeriodEnd: number;
  customDates: string[];
  notes: string;
}

let nextKey = 1;
const rowOf = (obligation?: ReportingObligation): ObligationRow => ({
  key: nextKey++,
  id: obligation?.id,
  type: obligation?.type ?? null,
  frequency: obligation?.frequency ?? null,
  daysAfterPeriodEnd: obligation?.daysAfterPeriodEnd ?? 0,
  customDates: obligation ? [...obligation.customDates] : [],
  notes: obligation?.notes ?? '',
});

const inputOf = (row: ObligationRow) => ({
  ...(row.id ? { id: row.id } : {}),
  type: row.type,
  frequency: row.frequency,
  daysAfterPeriodEnd: row.daysAfterPeriodEnd,
  customDates: row.customDates,
  notes: row.notes,
});

type RowProblems = Partial<Record<'type' | 'frequency' | 'daysAfterPeriodEnd' | 'customDates', string>>;

/** Each row's problems under the contract's rules, as sentences keyed by field. */
const useRowProblems = (rows: readonly ObligationRow[]): RowProblems[] => {
  const { t } = useTranslation();
  return rows.map((row) => {
    const parsed = ReportingObligationInputSchema.safeParse(inputOf(row));
    const problems: RowProblems = {};
    if (parsed.success) return problems;
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '') as keyof RowProblems;
      if (problems[field]) continue;
      const rule =
        issue.code === 'custom' ? (issue.params as { rule?: string } | undefined)?.rule : undefined;
      problems[field] =
        rule === 'required_for_custom'
          ? t('agreements.obligations.rule.required_for_custom')
          : rule === 'only_for_custom'
            ? t('agreements.obligations.rule.only_for_custom')
            : field === 'customDates'
              ? t('agreements.obligations.rule.date')
              : field === 'daysAfterPeriodEnd'
                ? t('agreements.obligations.rule.days')
                : t('validation.required');
    }
    return problems;
  });
};

/** The reports the obligations call for, worked out as they are typed (the contract's calendar). */
export const CalendarPreview = ({
  rows,
  startOn,
  endOn,
}: {
  rows: readonly ObligationRow[];
  startOn: string | null;
  endOn: string | null;
}) => {
  const { t } = useTranslation();
  const entries = useMemo(() => {
    if (!startOn || !endOn) return [];
    const complete = rows.flatMap((row) =>
      row.type && row.frequency
        ? [
            {
              id: String(row.key),
              type: row.type,
              frequency: row.frequency,
              daysAfterPeriodEnd: row.daysAfterPeriodEnd,
              customDates:
                row.frequency === 'CUSTOM'
                  ? row.customDates.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))
                  : [],
              notes: null,
            },
          ]
        : [],
    );
    return reportingCalendar(complete, startOn, endOn);
  }, [rows, startOn, endOn]);

  if (!startOn || !endOn)
    return (
      <Text size="sm" c="dimmed">
        {t('agreements.obligations.previewNeedsDates')}
      </Text>
    );
  if (entries.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('agreements.obligations.previewEmpty')}
      </Text>
    );
  return (
    <Stack gap={4}>
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('agreements.obligations.previewCount', { count: entries.length })}
      </Text>
      <Table withTableBorder fz="sm" data-testid="calendar-preview">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('reports.dueOn')}</Table.Th>
            <Table.Th scope="col">{t('reports.type')}</Table.Th>
            <Table.Th scope="col">{t('reports.period')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={`${entry.obligationId}-${entry.dueOn}-${entry.periodStart ?? ''}`}>
              <Table.Td>
                <DateOnly value={entry.dueOn} />
              </Table.Td>
              <Table.Td>{t(`reports.types.${entry.type}`)}</Table.Td>
              <Table.Td>
                {entry.periodStart && entry.periodEnd ? (
                  <>
                    <DateOnly value={entry.periodStart} /> – <DateOnly value={entry.periodEnd} />
                  </>
                ) : (
                  t('reports.customDate')
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
};

interface ObligationsEditorProps {
  agreement: Agreement;
  list: ObligationList;
  mayChange: boolean;
  /** The reports due, below the editor. */
  reports?: ReactNode;
}

/** The agreement's reporting obligations, edited as a whole, with the calendar they make. */
export const ObligationsEditor = ({ agreement, list, mayChange, reports }: ObligationsEditorProps) => {
  const { t } = useTranslation();
  const save = useSetObligations(agreement.id);
  const [rows, setRows] = useState<ObligationRow[]>(() => list.items.map((item) => rowOf(item)));
  const [tried, setTried] = useState(false);
  const problems = useRowProblems(rows);
  const editable = mayChange && !FinalStatuses.includes(agreement.status);
  const update = (key: number, change: Partial<ObligationRow>) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const invalid = problems.some((p) => Object.keys(p).length > 0);

  const submit = () => {
    setTried(true);
    if (invalid) return;
    save.mutate(
      {
        version: agreement.version,
        obligations: rows.map((row) => ReportingObligationInputSchema.parse(inputOf(row))),
      },
      {
        onSuccess: (saved) => {
          setRows(saved.items.map((item) => rowOf(item)));
          setTried(false);
          notifications.show({ color: 'green', message: t('agreements.obligations.saved') });
        },
      },
    );
  };

  const show = (index: number, field: keyof RowProblems) =>
    tried || field === 'customDates' ? problems[index]?.[field] : undefined;

  return (
    <Stack gap="lg">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('agreements.obligations.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('agreements.obligations.intro')}
        </Text>
        {rows.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('agreements.obligations.none')}
          </Text>
        )}
        {rows.map((row, index) => (
          <Paper key={row.key} withBorder p="sm" data-testid="obligation-row">
            <Stack gap="xs">
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <Select
                  label={t('agreements.obligations.type')}
                  required
                  disabled={!editable}
                  data={ReportTypes.map((type) => ({ value: type, label: t(`reports.types.${type}`) }))}
                  value={row.type}
                  onChange={(value) => update(row.key, { type: value as ReportType | null })}
                  error={show(index, 'type')}
                />
                <Select
                  label={t('agreements.obligations.frequency')}
                  required
                  disabled={!editable}
                  data={ReportFrequencies.map((f) => ({
                    value: f,
                    label: t(`agreements.obligations.frequencies.${f}`),
                  }))}
                  value={row.frequency}
                  onChange={(value) =>
                    update(row.key, {
                      frequency: value as ReportFrequency | null,
                      ...(value === 'CUSTOM' ? {} : { customDates: [] }),
                    })
                  }
                  error={show(index, 'frequency')}
                />
                <NumberInput
                  label={t('agreements.obligations.days')}
                  disabled={!editable || row.frequency === 'CUSTOM'}
                  min={0}
                  max={365}
                  allowDecimal={false}
                  value={row.daysAfterPeriodEnd}
                  onChange={(value) =>
                    update(row.key, {
                      daysAfterPeriodEnd: typeof value === 'number' ? value : Number(value) || 0,
                    })
                  }
                  error={show(index, 'daysAfterPeriodEnd')}
                />
              </SimpleGrid>
              {row.frequency === 'CUSTOM' && (
                <TagsInput
                  label={t('agreements.obligations.customDates')}
                  description={t('agreements.obligations.customDatesHelp')}
                  disabled={!editable}
                  value={row.customDates}
                  onChange={(value) => update(row.key, { customDates: value })}
                  error={show(index, 'customDates')}
                />
              )}
              <Group align="flex-end" wrap="nowrap">
                <TextInput
                  style={{ flex: 1 }}
                  label={t('agreements.obligations.notes')}
                  disabled={!editable}
                  value={row.notes}
                  onChange={(e) => update(row.key, { notes: e.currentTarget.value })}
                />
                {editable && (
                  <ActionIcon
                    variant="default"
                    size="lg"
                    aria-label={t('agreements.obligations.remove', { index: index + 1 })}
                    onClick={() => setRows((current) => current.filter((r) => r.key !== row.key))}
                  >
                    ×
                  </ActionIcon>
                )}
              </Group>
            </Stack>
          </Paper>
        ))}
        {editable && (
          <Group justify="space-between">
            <Button variant="default" onClick={() => setRows((current) => [...current, rowOf()])}>
              {t('agreements.obligations.add')}
            </Button>
            <Button onClick={submit} loading={save.isPending}>
              {t('agreements.obligations.save')}
            </Button>
          </Group>
        )}
        {tried && invalid && (
          <Alert color="red" variant="light" role="alert">
            {t('agreements.obligations.fixRows')}
          </Alert>
        )}
        {save.isError && <ProblemAlert title={t('agreements.obligations.failed')} error={save.error} />}
      </Stack>
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('agreements.obligations.previewTitle')}
        </Title>
        <CalendarPreview rows={rows} startOn={agreement.startOn} endOn={agreement.endOn} />
      </Stack>
      {reports}
    </Stack>
  );
};

/** The obligations tab: the editor once the list is loaded, then the reports due. */
export const ObligationsPanel = ({
  agreement,
  mayChange,
  reports,
}: {
  agreement: Agreement;
  mayChange: boolean;
  reports?: ReactNode;
}) => {
  const { t } = useTranslation();
  const obligations = useObligations(agreement.id);
  if (obligations.isPending) return <Skeleton height={160} />;
  if (obligations.isError)
    return (
      <QueryErrorAlert
        title={t('agreements.obligations.loadError')}
        error={obligations.error}
        onRetry={() => void obligations.refetch()}
      />
    );
  return (
    <ObligationsEditor
      agreement={agreement}
      list={obligations.data}
      mayChange={mayChange}
      reports={reports}
    />
  );
};
