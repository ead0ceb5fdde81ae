import type { PartnerImport } from '@pardev/contracts';
import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ImportRows } from './import-rows';
import { ImportCounts } from './import-summary';

interface ImportResultProps {
  partnerImport: PartnerImport;
  onImportAnother: () => void;
}

/** How the import went: what was written, what failed and why. */
export const ImportResult = ({ partnerImport, onImportAnother }: ImportResultProps) => {
  const { t } = useTranslation();
  const { created, updated, failed } = partnerImport.progress;
  const leftOut = partnerImport.planned.error;
  const problems = failed + leftOut;

  return (
    <Stack gap="lg">
      <Alert
        color={failed > 0 ? 'orange' : 'green'}
        variant="light"
        role="status"
        title={t('partnerImport.result.title')}
      >
        <Text size="sm">
          {t(failed > 0 ? 'partnerImport.result.someFailed' : 'partnerImport.result.allWritten', {
            fileName: partnerImport.fileName,
            count: failed,
          })}
        </Text>
      </Alert>
      <ImportCounts
        label={t('partnerImport.result.title')}
        counts={[
          { label: 'created', count: created, color: 'green' },
          { label: 'updated', count: updated, color: 'blue' },
          { label: 'failed', count: failed, color: 'red' },
          { label: 'leftOut', count: leftOut, color: 'orange' },
        ]}
      />
      <Group gap="sm">
        <Button component={Link} to="/partners">
          {t('partnerImport.result.backToList')}
        </Button>
        <Button variant="default" onClick={onImportAnother}>
          {t('partnerImport.result.importAnother')}
        </Button>
      </Group>
      {problems > 0 && (
        <section aria-labelledby="import-failed-title">
          <Stack gap="sm">
            <Title order={2} size="h4" id="import-failed-title">
              {t('partnerImport.result.problemsTitle')}
            </Title>
            <ImportRows
              importId={partnerImport.id}
              initial={failed > 0 ? 'FAILED' : 'ERROR'}
              options={[
                { value: 'FAILED', count: failed },
                { value: 'ERROR', count: leftOut },
              ]}
            />
          </Stack>
        </section>
      )}
    </Stack>
  );
};
