import type { PartnerImport } from '@pardev/contracts';
import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormFailureAlert } from '../../../components/form-failure-alert';
import { currentLanguage } from '../../../i18n/i18n';
import { useApplyImport } from '../api/partner-import';
import { ImportRows, type OutcomeFilter } from './import-rows';
import { ImportCounts } from './import-summary';

interface DryRunProps {
  partnerImport: PartnerImport;
  onChooseAnother: () => void;
}

/** What importing the file would do, row by row, before anything is written. */
export const DryRun = ({ partnerImport, onChooseAnother }: DryRunProps) => {
  const { t, i18n } = useTranslation();
  const apply = useApplyImport();
  const { planned, ignoredColumns, rowCount, fileName } = partnerImport;
  const toWrite = planned.create + planned.update;
  const list = new Intl.ListFormat(currentLanguage(i18n), { style: 'long', type: 'conjunction' });
  const initial: OutcomeFilter = planned.error > 0 ? 'ERROR' : 'ALL';

  return (
    <Stack gap="lg">
      <Paper withBorder p="md" component="section" aria-labelledby="import-summary-title">
        <Stack gap="sm">
          <div>
            <Title order={2} size="h4" id="import-summary-title">
              {t('partnerImport.summary.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('partnerImport.summary.file', { fileName, count: rowCount })}
            </Text>
          </div>
          <ImportCounts
            label={t('partnerImport.summary.title')}
            counts={[
              { label: 'create', count: planned.create, color: 'green' },
              { label: 'update', count: planned.update, color: 'blue' },
              { label: 'skip', count: planned.skip, color: 'gray' },
              { label: 'error', count: planned.error, color: 'red' },
            ]}
          />
          {ignoredColumns.length > 0 && (
            <Text size="sm" data-testid="import-ignored-columns">
              {t('partnerImport.summary.ignored', { columns: list.format(ignoredColumns) })}
            </Text>
          )}
        </Stack>
      </Paper>

      {planned.error > 0 && (
        <Alert
          color="orange"
          variant="light"
          title={t('partnerImport.leftOut.title', { count: planned.error })}
          data-testid="import-left-out"
        >
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('partnerImport.leftOut.description')}</Text>
            <Button variant="default" size="xs" onClick={onChooseAnother}>
              {t('partnerImport.chooseAnother')}
            </Button>
          </Stack>
        </Alert>
      )}

      {apply.isError && (
        <FormFailureAlert
          id="import-apply-error"
          title={t('partnerImport.applyFailed')}
          error={apply.error}
          isFormField={() => false}
        />
      )}

      <Group gap="sm">
        <Button
          disabled={toWrite === 0}
          loading={apply.isPending}
          onClick={() => apply.mutate(partnerImport.id)}
          aria-describedby={toWrite === 0 ? 'import-nothing' : undefined}
        >
          {t('partnerImport.apply', { count: toWrite })}
        </Button>
        <Button variant="default" onClick={onChooseAnother}>
          {t('partnerImport.chooseAnother')}
        </Button>
      </Group>
      {toWrite === 0 && (
        <Text size="sm" c="dimmed" id="import-nothing">
          {t('partnerImport.nothingToWrite')}
        </Text>
      )}

      <section aria-labelledby="import-rows-title">
        <Stack gap="sm">
          <Title order={2} size="h4" id="import-rows-title">
            {t('partnerImport.rows.title')}
          </Title>
          <ImportRows
            importId={partnerImport.id}
            initial={initial}
            options={[
              { value: 'ERROR', count: planned.error },
              { value: 'CREATE', count: planned.create },
              { value: 'UPDATE', count: planned.update },
              { value: 'SKIP', count: planned.skip },
              { value: 'ALL', count: rowCount },
            ]}
          />
        </Stack>
      </section>
    </Stack>
  );
};
