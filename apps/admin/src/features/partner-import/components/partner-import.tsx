import { Button, Group, Loader, Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { QueryErrorAlert } from '../../../components/query-error-alert';
import { IMPORT_POLL_MS, useImport } from '../api/partner-import';
import { ApplyProgress } from './apply-progress';
import { ChooseFile } from './choose-file';
import { DryRun } from './dry-run';
import { ImportResult } from './import-result';

interface ImportViewProps {
  importId: string;
  pollMs: number;
  onRestart: () => void;
}

/** One import, from its dry run to its result, as the server says it stands. */
const ImportView = ({ importId, pollMs, onRestart }: ImportViewProps) => {
  const { t } = useTranslation();
  const partnerImport = useImport(importId, pollMs);
  const data = partnerImport.data;

  if (partnerImport.isError && !data) {
    return (
      <Stack gap="sm" align="flex-start">
        <QueryErrorAlert
          title={t('partnerImport.loadError')}
          error={partnerImport.error}
          onRetry={() => void partnerImport.refetch()}
        />
        <Button variant="default" onClick={onRestart}>
          {t('partnerImport.chooseAnother')}
        </Button>
      </Stack>
    );
  }
  if (!data) return <Skeleton height={240} data-testid="import-skeleton" />;

  switch (data.status) {
    case 'STAGED':
      return (
        <Group gap="sm" role="status">
          <Loader size="sm" />
          <Text size="sm">{t('partnerImport.file.checking', { fileName: data.fileName })}</Text>
        </Group>
      );
    case 'READY':
      return <DryRun partnerImport={data} onChooseAnother={onRestart} />;
    case 'APPLYING':
      return <ApplyProgress partnerImport={data} />;
    case 'DONE':
      return <ImportResult partnerImport={data} onImportAnother={onRestart} />;
  }
};

interface PartnerImportProps {
  /** How often a running import is polled (tests shorten it). */
  pollMs?: number;
}

/**
 * Importing partners from a spreadsheet. The import's id lives in the URL (`?id=`), so a reload or
 * a visit elsewhere in the admin comes back to the same import, wherever it stands.
 */
export const PartnerImport = ({ pollMs = IMPORT_POLL_MS }: PartnerImportProps) => {
  const [searchParams, setSearchParams] = useSearchParams();
  const importId = searchParams.get('id');
  const restart = () => setSearchParams({});

  if (!importId)
    return <ChooseFile onChecked={(partnerImport) => setSearchParams({ id: partnerImport.id })} />;
  return <ImportView key={importId} importId={importId} pollMs={pollMs} onRestart={restart} />;
};
