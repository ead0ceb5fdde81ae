import {
  CreateProjectRequestSchema,
  CurrencyCodeList,
  EssfRiskLevels,
  UpdateProjectBodySchema,
  type Agreement,
  type Project,
} from '@pardev/contracts';
import { Checkbox, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n/i18n';
import { isApiError } from '../../../lib/api-error';
import { useProjectCommand } from '../api/projects';
import { activityStatusOptions } from '../lib/codelists';
import { projectDraftOf, projectRequestOf, type ProjectDraft } from '../lib/project-draft';
import { AmountRowsEditor } from './amount-rows-editor';
import { FormDialog } from './form-dialog';
import { ProblemAlert } from './problem-alert';
import { DescriptionInput } from './term-inputs';

/** Creating or editing a project funded by the agreement. */
export const ProjectDialog = ({
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
  const [draft, setDraft] = useState(() => projectDraftOf(project, agreement));
  const [tried, setTried] = useState(false);
  const set = <K extends keyof ProjectDraft>(key: K, value: ProjectDraft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));
  const agreementIds = project?.agreementIds ?? [agreement.id];
  const input = projectRequestOf(draft, agreementIds);
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
    <FormDialog
      size="xl"
      title={
        project
          ? t('agreements.projects.editTitle', { code: project.code })
          : t('agreements.projects.newTitle')
      }
      submitLabel={t('agreements.projects.save')}
      pending={command.isPending}
      onSubmit={submit}
      onClose={onClose}
    >
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
      <DescriptionInput
        value={draft.description}
        onChange={(value) => set('description', value)}
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
        <AmountRowsEditor
          rows={draft.budgets}
          onChange={(budgets) => set('budgets', budgets)}
          periodInput={{ label: t('agreements.projects.year'), inputMode: 'numeric', w: 110 }}
          amountLabel={t('agreements.projects.amount', { currency: draft.currency })}
          errorAt={(index, input) =>
            errorAt(`budgets.${index}.${input === 'period' ? 'year' : 'amountMinor'}`)
          }
          removeLabel={(index) => t('agreements.projects.removeYear', { index: index + 1 })}
          listError={budgetsError ? t('agreements.projects.yearTwice') : null}
          addLabel={t('agreements.projects.addYear')}
          newPeriod={() => String(new Date().getUTCFullYear())}
        />
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
    </FormDialog>
  );
};
