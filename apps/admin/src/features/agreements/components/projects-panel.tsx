import type { Agreement, Project } from '@pardev/contracts';
import { Button, Group, Skeleton, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../components/query-error-alert';
import { useAgreementProjects } from '../api/projects';
import { ExpendituresDialog } from './expenditures-dialog';
import { ProjectDialog } from './project-dialog';
import { ProjectsTable } from './projects-table';

type ProjectsDialog =
  { kind: 'project'; project: Project | null } | { kind: 'expenditures'; project: Project };

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
  const { t } = useTranslation();
  const projects = useAgreementProjects(agreement.id);
  const [dialog, setDialog] = useState<ProjectsDialog | null>(null);

  if (projects.isPending) return <Skeleton height={120} />;
  if (projects.isError)
    return (
      <QueryErrorAlert
        title={t('agreements.projects.loadError')}
        error={projects.error}
        onRetry={() => void projects.refetch()}
      />
    );
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
      <ProjectsTable
        projects={projects.data.items}
        mayChange={mayChange}
        mayRecord={mayRecord}
        onEdit={(project) => setDialog({ kind: 'project', project })}
        onRecord={(project) => setDialog({ kind: 'expenditures', project })}
      />
      {dialog?.kind === 'project' && (
        <ProjectDialog agreement={agreement} project={dialog.project} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'expenditures' && (
        <ExpendituresDialog project={dialog.project} onClose={() => setDialog(null)} />
      )}
    </Stack>
  );
};
