import type { PartnerImport } from '@pardev/contracts';
import { Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n/i18n';

/** The rows being written: a progress bar with counts; the rest of the admin stays usable. */
export const ApplyProgress = ({ partnerImport }: { partnerImport: PartnerImport }) => {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(currentLanguage(i18n));
  const { done, total, created, updated, failed } = partnerImport.progress;
  const percent = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
  const counts = { done: number.format(done), total: number.format(total) };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="import-progress-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="import-progress-title">
          {t('partnerImport.progress.title', { fileName: partnerImport.fileName })}
        </Title>
        {/* The bar says counts, not only a percentage: "1,200 of 20,000 rows written". */}
        <Progress.Root
          size="xl"
          role="progressbar"
          aria-label={t('partnerImport.progress.label')}
          aria-valuemin={0}
          aria-valuemax={total}
          aria-valuenow={done}
          aria-valuetext={t('partnerImport.progress.valueText', counts)}
          data-testid="import-progress"
        >
          <Progress.Section value={percent} withAria={false} animated />
        </Progress.Root>
        <Group justify="space-between">
          <Text size="sm" fw={500} data-testid="import-progress-count">
            {t('partnerImport.progress.count', counts)}
          </Text>
          <Text size="sm" c="dimmed">
            {t('partnerImport.progress.sofar', {
              created: number.format(created),
              updated: number.format(updated),
              failed: number.format(failed),
            })}
          </Text>
        </Group>
        <Text size="sm" c="dimmed">
          {t('partnerImport.progress.background')}
        </Text>
      </Stack>
    </Paper>
  );
};
