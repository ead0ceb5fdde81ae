import type { Project } from '@pardev/contracts';
import { ActivityStatus } from '@pardev/reference-data';
import { Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateOnly } from '../../../components/date-time';
import { currentLanguage } from '../../../i18n/i18n';
import { codeLabel } from '../lib/codelists';
import { Money } from './money';
import { PanelTable } from './panel-table';

const sumOf = (items: readonly { amountMinor: number }[]) => items.reduce((sum, i) => sum + i.amountMinor, 0);

interface ProjectsTableProps {
  projects: readonly Project[];
  /** Officers edit a project. */
  mayChange: boolean;
  /** Finance records what a project spent. */
  mayRecord: boolean;
  onEdit: (project: Project) => void;
  onRecord: (project: Project) => void;
}

/** The projects an agreement funds: code, status, planned dates, budget and spending, E&S screening. */
export const ProjectsTable = ({ projects, mayChange, mayRecord, onEdit, onRecord }: ProjectsTableProps) => {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  return (
    <PanelTable
      testId="projects-table"
      striped
      empty={{ when: projects.length === 0, text: t('agreements.projects.none') }}
      columns={[
        t('agreements.projects.code'),
        t('agreements.projects.title'),
        t('agreements.projects.status'),
        t('agreements.projects.planned'),
        t('agreements.projects.budgetTotal'),
        t('agreements.projects.spent'),
        t('agreements.projects.essf'),
        <VisuallyHidden key="actions">{t('agreements.projects.actions')}</VisuallyHidden>,
      ]}
    >
      {projects.map((project) => (
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
                <Button size="xs" variant="default" onClick={() => onEdit(project)}>
                  {t('agreements.projects.edit', { code: project.code })}
                </Button>
              )}
              {mayRecord && (
                <Button size="xs" variant="default" onClick={() => onRecord(project)}>
                  {t('agreements.projects.recordExpenditure')}
                </Button>
              )}
            </Group>
          </Table.Td>
        </Table.Tr>
      ))}
    </PanelTable>
  );
};
