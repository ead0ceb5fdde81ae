import {
  CreateProjectRequestSchema,
  CurrencyCodeList,
  EssfRiskLevels,
  SetExpendituresBodySchema,
  UpdateProjectBodySchema,
  type Agreement,
  type Project,
} from '@pardev/contracts';
import { ActivityStatus } from '@pardev/reference-data';
import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateOnly } from '../../../components/date-time';
import { QueryErrorAlert } from '../../../components/query-error-alert';
import { currentLanguage } from '../../../i18n/i18n';
import { isApiError } from '../../../lib/api-error';
import { useAgreementProjects, useProjectCommand } from '../api/projects';
import { activityStatusOptions, codeLabel } from '../lib/codelists';
import { amountInputValue, parseAmount } from '../lib/money';
import { Money, UsdEquivalentText } from './money';
import { ProblemAlert } from './problem-alert';

interface AmountRow {
  key: number;
  /** A year ("2026") or a month ("2026-03"). */
  period: string;
  amount: string;
}

interface ProjectDraft {
  code: string;
  title: string;
  description: string;
  status: string;
  plannedStart: string;
  plannedEnd: string;
  actualStart: string;
  actualEnd: string;
  currency: string;
  budgets: AmountRow[];
  screened: boolean;
  riskLevel: string;
  screenedOn: string;
  mitigation: string;
  seahName: string;
  seahEmail: string;
}

let nextKey = 1;
const amountRow = (period = '', amount = ''): AmountRow => ({ key: nextKey++, period, amount });

const draftOf = (project: Project | null, agreement: Agreement): ProjectDraft => ({
  code: project?.code ?? '',
  title: project?.title ?? '',
  description: project?.description ?? '',
  status: project?.status ?? '1',
  plannedStart: project?.plannedStart ?? agreement.startOn ?? '',
  plannedEnd: project?.plannedEnd ?? agreement.endOn ?? '',
  actualStart: project?.actualStart ?? '',
  actualEnd: project?.actualEnd ?? '',
  currency: project?.currency ?? agreement.currency,
  budgets: (project?.budgets ?? []).map((b) =>
    amountRow(String(b.year), amountInputValue(b.amountMinor, project?.currency ?? agreement.currency)),
  ),
  screened: project?.essf !== null && project?.essf !== undefined,
  riskLevel: project?.essf?.riskLevel ?? '',
  screenedOn: project?.essf?.screenedOn ?? '',
  mitigation: project?.essf?.mitigation ?? '',
  seahName: project?.seahFocalPoint?.name ?? '',
  seahEmail: project?.seahFocalPoint?.email ?? '',
});

const blank = (value: string) => (value.trim() === '' ? null : value.trim());

const requestOf = (draft: ProjectDraft, agreementIds: string[]) => ({
  code: draft.code,
  title: draft.title,
  description: blank(draft.description),
  status: draft.status,
  agreementIds,
  plannedStart: blank(draft.plannedStart),
  plannedEnd: blank(draft.plannedEnd),
  actualStart: blank(draft.actualStart),
  actualEnd: blank(draft.actualEnd),
  currency: draft.currency,
  budgets: draft.budgets.map((row) => ({
    year: Number(row.period),
    amountMinor: parseAmount(row.amount, draft.currency) ?? -1,
  })),
  essf: draft.screened
    ? { riskLevel: draft.riskLevel, screenedOn: draft.screenedOn, mitigation: blank(draft.mitigation) }
    : null,
  seahFocalPoint:
    draft.seahName.trim() || draft.seahEmail.trim()
      ? { name: draft.seahName.trim(), email: draft.seahEmail.trim() }
      : null,
});

/** Creating or editing a project funded by the agreement. */
const ProjectDialog = ({
  agreement,
  project,
  onClose,
}: {
  agreement: Agreement;
  project: Project | null;
  onClose: () => void;
}) => {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const command = useProjectCommand();
  const [draft, setDraft] = useState(() => draftOf(project, agreement));
  const [tried, setTried] = useState(false);
  const set = <K extends keyof ProjectDraft>(key: K, value: ProjectDraft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));
  const agreementIds = project?.agreementIds ?? [agreement.id];
  const input = requestOf(draft, agreementIds);
  const parsed = project
    ? UpdateProjectBodySchema.safeParse({ ...input, version: project.version })
    : CreateProjectRequestSchema.safeParse(input);
  const issues = parsed.success ? [] : parsed.error.issues;
  const serverErrors = isApiError(command.error) ? command.error.fieldErrors : [];
  const errorAt = (path: string): string | undefined => {
    const server = serverErrors.find((e) => e.field === path);
    if (server) return server.message;
    if (!tried) return undefined;
    const issue = issues.find((i) => i.path.map(String).join('.') === path);
    if (!issue) return undefined;
    if (path.startsWith('budgets.') && path.endsWith('amountMinor'))
      return t('agreements.money.amountInvalid', { currency: draft.currency });
    if (issue.code === 'custom' && path.endsWith('End')) return t('validation.dateOrder');
    if (path === 'code') return t('agreements.projects.codeInvalid');
    if (path === 'seahFocalPoint.email') return t('validation.invalidEmail');
    if (issue.code === 'too_big') return t('validation.tooLong', { maximum: Number(issue.maximum) });
    return t('validation.required');
  };
  const budgetsError = tried ? issues.find((i) => i.path.length === 1 && i.path[0] === 'budgets') : undefined;

  const submit = () => {
    setTried(true);
    if (!parsed.success) return;
    const done = (saved: Project) => {
      notifications.show({
        color: 'green',
        message: t(project ? 'agreements.projects.saved' : 'agreements.projects.created', {
          code: saved.code,
        }),
      });
      onClose();
    };
    if (project) command.mutate({ kind: 'update', id: project.id, body: parsed.data }, { onSuccess: done });
    else command.mutate({ kind: 'create', body: parsed.data }, { onSuccess: done });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={
        project
          ? t('agreements.projects.editTitle', { code: project.code })
          : t('agreements.projects.newTitle')
      }
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('agreements.projects.code')}
              description={t('agreements.projects.codeHelp')}
              required
              value={draft.code}
              onChange={(e) => set('code', e.currentTarget.value)}
              error={errorAt('code')}
            />
            <Select
              label={t('agreements.projects.status')}
              required
              data={activityStatusOptions(language)}
              value={draft.status}
              allowDeselect={false}
              onChange={(value) => set('status', value ?? '1')}
              error={errorAt('status')}
            />
            <Select
              label={t('agreements.fields.currency')}
              required
              searchable
              data={[...CurrencyCodeList]}
              value={draft.currency}
              allowDeselect={false}
              onChange={(value) => set('currency', value ?? agreement.currency)}
            />
          </SimpleGrid>
          <TextInput
            label={t('agreements.projects.title')}
            required
            value={draft.title}
            onChange={(e) => set('title', e.currentTarget.value)}
            error={errorAt('title')}
          />
          <Textarea
            label={t('agreements.fields.description')}
            autosize
            minRows={2}
            value={draft.description}
            onChange={(e) => set('description', e.currentTarget.value)}
            error={errorAt('description')}
          />
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            {(['plannedStart', 'plannedEnd', 'actualStart', 'actualEnd'] as const).map((field) => (
              <TextInput
                key={field}
                type="date"
                label={t(`agreements.projects.${field}`)}
                value={draft[field]}
                onChange={(e) => set(field, e.currentTarget.value)}
                error={errorAt(field)}
              />
            ))}
          </SimpleGrid>
          <Stack gap="xs">
            <Text fw={600} size="sm">
              {t('agreements.projects.budgets', { currency: draft.currency })}
            </Text>
            {draft.budgets.map((row, index) => (
              <Group key={row.key} align="flex-start" wrap="nowrap">
                <TextInput
                  label={t('agreements.projects.year')}
                  inputMode="numeric"
                  w={110}
                  value={row.period}
                  onChange={(e) => {
                    const period = e.currentTarget.value;
                    set(
                      'budgets',
                      draft.budgets.map((r) => (r.key === row.key ? { ...r, period } : r)),
                    );
                  }}
                  error={errorAt(`budgets.${index}.year`)}
                />
                <TextInput
                  label={t('agreements.projects.amount', { currency: draft.currency })}
                  inputMode="decimal"
                  style={{ flex: 1 }}
                  value={row.amount}
                  onChange={(e) => {
                    const amount = e.currentTarget.value;
                    set(
                      'budgets',
                      draft.budgets.map((r) => (r.key === row.key ? { ...r, amount } : r)),
                    );
                  }}
                  error={errorAt(`budgets.${index}.amountMinor`)}
                />
                <ActionIcon
                  mt={25}
                  variant="default"
                  size="lg"
                  aria-label={t('agreements.projects.removeYear', { index: index + 1 })}
                  onClick={() =>
                    set(
                      'budgets',
                      draft.budgets.filter((r) => r.key !== row.key),
                    )
                  }
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
            {budgetsError && (
              <Text size="sm" c="red.9">
                {t('agreements.projects.yearTwice')}
              </Text>
            )}
            <Group>
              <Button
                variant="default"
                size="xs"
                onClick={() =>
                  set('budgets', [...draft.budgets, amountRow(String(new Date().getUTCFullYear()))])
                }
              >
                {t('agreements.projects.addYear')}
              </Button>
            </Group>
          </Stack>
          <Stack gap="xs">
            <Checkbox
              label={t('agreements.projects.essfScreened')}
              checked={draft.screened}
              onChange={(e) => set('screened', e.currentTarget.checked)}
            />
            {draft.screened && (
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Select
                  label={t('agreements.projects.riskLevel')}
                  required
                  data={EssfRiskLevels.map((level) => ({
                    value: level,
                    label: t(`agreements.projects.riskLevels.${level}`),
                  }))}
                  value={draft.riskLevel || null}
                  onChange={(value) => set('riskLevel', value ?? '')}
                  error={errorAt('essf.riskLevel')}
                />
                <TextInput
                  type="date"
                  required
                  label={t('agreements.projects.screenedOn')}
                  value={draft.screenedOn}
                  onChange={(e) => set('screenedOn', e.currentTarget.value)}
                  error={errorAt('essf.screenedOn')}
                />
                <Textarea
                  label={t('agreements.projects.mitigation')}
                  autosize
                  minRows={2}
                  value={draft.mitigation}
                  onChange={(e) => set('mitigation', e.currentTarget.value)}
                />
              </SimpleGrid>
            )}
          </Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('agreements.projects.seahName')}
              value={draft.seahName}
              onChange={(e) => set('seahName', e.currentTarget.value)}
              error={errorAt('seahFocalPoint.name')}
            />
            <TextInput
              type="email"
              label={t('agreements.projects.seahEmail')}
              value={draft.seahEmail}
              onChange={(e) => set('seahEmail', e.currentTarget.value)}
              error={errorAt('seahFocalPoint.email')}
            />
          </SimpleGrid>
          {command.isError && <ProblemAlert title={t('agreements.projects.failed')} error={command.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={command.isPending}>
              {t('agreements.projects.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
};

/** Finance: what the project spent, by month, in its currency; USD at each month's UN rate. */
const ExpendituresDialog = ({ project, onClose }: { project: Project; onClose: () => void }) => {
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
  const errorAt = (path: string) =>
    tried && issues.some((i) => i.path.map(String).join('.') === path)
      ? path.endsWith('month')
        ? t('agreements.projects.monthInvalid')
        : t('agreements.money.amountInvalid', { currency })
      : undefined;
  const listError = tried && issues.some((i) => i.path.length === 1);
  const saved = new Map(project.expenditures.map((e) => [e.month, e]));

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
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={t('agreements.projects.expendituresTitle', { code: project.code })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('agreements.projects.expendituresHelp', { currency })}
          </Text>
          {rows.map((row, index) => {
            const recorded = saved.get(row.period);
            return (
              <Group key={row.key} align="flex-start" wrap="nowrap">
                <TextInput
                  label={t('agreements.projects.month')}
                  placeholder="2026-03"
                  w={120}
                  value={row.period}
                  onChange={(e) => {
                    const period = e.currentTarget.value;
                    setRows((current) => current.map((r) => (r.key === row.key ? { ...r, period } : r)));
                  }}
                  error={errorAt(`expenditures.${index}.month`)}
                />
                <TextInput
                  label={t('agreements.projects.amount', { currency })}
                  inputMode="decimal"
                  style={{ flex: 1 }}
                  value={row.amount}
                  onChange={(e) => {
                    const amount = e.currentTarget.value;
                    setRows((current) => current.map((r) => (r.key === row.key ? { ...r, amount } : r)));
                  }}
                  error={errorAt(`expenditures.${index}.amountMinor`)}
                  description={
                    recorded && recorded.amountMinor === parseAmount(row.amount, currency) ? (
                      recorded.usd ? (
                        <UsdEquivalentText usd={recorded.usd} currency={currency} />
                      ) : currency === 'USD' ? undefined : (
                        t('agreements.projects.noRateFor', { month: recorded.month })
                      )
                    ) : undefined
                  }
                />
                <ActionIcon
                  mt={25}
                  variant="default"
                  size="lg"
                  aria-label={t('agreements.projects.removeMonth', { index: index + 1 })}
                  onClick={() => setRows((current) => current.filter((r) => r.key !== row.key))}
                >
                  ×
                </ActionIcon>
              </Group>
            );
          })}
          {listError && (
            <Text size="sm" c="red.9">
              {t('agreements.projects.monthTwice')}
            </Text>
          )}
          <Group>
            <Button
              variant="default"
              size="xs"
              onClick={() => setRows((current) => [...current, amountRow()])}
            >
              {t('agreements.projects.addMonth')}
            </Button>
          </Group>
          {command.isError && <ProblemAlert title={t('agreements.projects.failed')} error={command.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={command.isPending}>
              {t('agreements.projects.saveExpenditures')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
};

const sumOf = (items: readonly { amountMinor: number }[]) => items.reduce((sum, i) => sum + i.amountMinor, 0);

/** The projects the agreement funds; officers create and edit them, finance records what they spent. */
export const ProjectsPanel = ({
  agreement,
  mayChange,
  mayRecord,
}: {
  agreement: Agreement;
  mayChange: boolean;
  mayRecord: boolean;
}) => {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const projects = useAgreementProjects(agreement.id);
  const [dialog, setDialog] = useState<
    { kind: 'project'; project: Project | null } | { kind: 'expenditures'; project: Project } | null
  >(null);

  if (projects.isPending) return <Skeleton height={120} />;
  if (projects.isError)
    return (
      <QueryErrorAlert
        title={t('agreements.projects.loadError')}
        error={projects.error}
        onRetry={() => void projects.refetch()}
      />
    );
  const items = projects.data.items;
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={3} size="h4">
          {t('agreements.projects.heading')}
        </Title>
        {mayChange && (
          <Button onClick={() => setDialog({ kind: 'project', project: null })}>
            {t('agreements.projects.new')}
          </Button>
        )}
      </Group>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('agreements.projects.none')}
        </Text>
      ) : (
        <Table withTableBorder striped fz="sm" data-testid="projects-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('agreements.projects.code')}</Table.Th>
              <Table.Th scope="col">{t('agreements.projects.title')}</Table.Th>
              <Table.Th scope="col">{t('agreements.projects.status')}</Table.Th>
              <Table.Th scope="col">{t('agreements.projects.planned')}</Table.Th>
              <Table.Th scope="col">{t('agreements.projects.budgetTotal')}</Table.Th>
              <Table.Th scope="col">{t('agreements.projects.spent')}</Table.Th>
              <Table.Th scope="col">{t('agreements.projects.essf')}</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>{t('agreements.projects.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((project) => (
              <Table.Tr key={project.id}>
                <Table.Td>
                  <Stack gap={0}>
                    <Text size="sm" fw={600}>
                      {project.code}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {project.iatiIdentifier}
                    </Text>
                  </Stack>
                </Table.Td>
                <Table.Td>{project.title}</Table.Td>
                <Table.Td>{codeLabel(ActivityStatus, project.status, language)}</Table.Td>
                <Table.Td>
                  {project.plannedStart ? <DateOnly value={project.plannedStart} /> : '—'} –{' '}
                  {project.plannedEnd ? <DateOnly value={project.plannedEnd} /> : '—'}
                </Table.Td>
                <Table.Td>
                  <Money minor={sumOf(project.budgets)} currency={project.currency} />
                </Table.Td>
                <Table.Td>
                  <Money minor={sumOf(project.expenditures)} currency={project.currency} />
                </Table.Td>
                <Table.Td>
                  {project.essf
                    ? t(`agreements.projects.riskLevels.${project.essf.riskLevel}`)
                    : t('agreements.projects.notScreened')}
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    {mayChange && (
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => setDialog({ kind: 'project', project })}
                      >
                        {t('agreements.projects.edit', { code: project.code })}
                      </Button>
                    )}
                    {mayRecord && (
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => setDialog({ kind: 'expenditures', project })}
                      >
                        {t('agreements.projects.recordExpenditure')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {dialog?.kind === 'project' && (
        <ProjectDialog agreement={agreement} project={dialog.project} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'expenditures' && (
        <ExpendituresDialog project={dialog.project} onClose={() => setDialog(null)} />
      )}
    </Stack>
  );
};
