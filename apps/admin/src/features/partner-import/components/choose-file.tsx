import {
  PARTNER_IMPORT_MAX_ROWS,
  PartnerImportFields,
  PartnerImportHeaders,
  type PartnerImport,
} from '@pardev/contracts';
import { Alert, Anchor, Code, FileInput, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorReference } from '../../../components/error-reference';
import { isApiError } from '../../../lib/api-error';
import { apiErrorMessageKey, correlationIdOf } from '../../../lib/api-error-message';
import { useUploadImport } from '../api/partner-import';
import { IMPORT_MAX_BYTES, importAccept, importMediaType } from '../lib/import-file';
import { importFieldLabelKey, importFieldLabelKeys } from '../lib/import-fields';

/** The Excel export of the whole list: the same columns an import reads. */
export const importTemplateUrl = '/api/v1/partners/export?format=xlsx';

type LocalProblem = 'wrongType' | 'tooLarge';

/** The columns an import reads, as the export writes them. */
const ColumnsHelp = () => {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="import-columns-title">
      <Stack gap="xs">
        <Title order={2} size="h4" id="import-columns-title">
          {t('partnerImport.columns.title')}
        </Title>
        <Text size="sm">{t('partnerImport.columns.intro')}</Text>
        <Group gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {PartnerImportFields.map((field) => (
            <li key={field}>
              <Code title={t(importFieldLabelKeys[field])}>{PartnerImportHeaders[field]}</Code>
            </li>
          ))}
        </Group>
        <Text size="sm">
          {t('partnerImport.columns.template')}{' '}
          <Anchor href={importTemplateUrl} download>
            {t('partnerImport.columns.templateLink')}
          </Anchor>
        </Text>
      </Stack>
    </Paper>
  );
};

interface ChooseFileProps {
  /** The dry run is done: the import to show. */
  onChecked: (partnerImport: PartnerImport) => void;
}

/** Picks a CSV or Excel file and sends it for a dry run (nothing is written yet). */
export const ChooseFile = ({ onChecked }: ChooseFileProps) => {
  const { t } = useTranslation();
  const upload = useUploadImport();
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<LocalProblem | null>(null);

  const choose = (chosen: File | null) => {
    setFile(chosen);
    setProblem(null);
    upload.reset();
    if (!chosen) return;
    const contentType = importMediaType(chosen);
    if (!contentType) return setProblem('wrongType');
    if (chosen.size > IMPORT_MAX_BYTES) return setProblem('tooLarge');
    upload.mutate({ file: chosen, fileName: chosen.name, contentType }, { onSuccess: onChecked });
  };

  const error = upload.error;
  const failed = problem !== null || upload.isError;

  return (
    <Stack gap="lg">
      <FileInput
        label={t('partnerImport.file.label')}
        description={t('partnerImport.file.description', { maxRows: PARTNER_IMPORT_MAX_ROWS })}
        placeholder={t('partnerImport.file.placeholder')}
        accept={importAccept}
        value={file}
        onChange={choose}
        clearable
        clearButtonProps={{ 'aria-label': t('partnerImport.file.clear') }}
        disabled={upload.isPending}
        error={failed ? true : undefined}
        maw={520}
      />
      {upload.isPending && (
        <Group gap="sm" role="status">
          <Loader size="sm" />
          <Text size="sm">{t('partnerImport.file.checking', { fileName: file?.name ?? '' })}</Text>
        </Group>
      )}
      {failed && (
        <Alert color="red" variant="light" role="alert" title={t('partnerImport.file.failed')} maw={720}>
          <Stack gap={4}>
            {problem && <Text size="sm">{t(`partnerImport.file.${problem}`)}</Text>}
            {!problem && (
              <Text size="sm">
                {isApiError(error) && error.detail ? error.detail : t(apiErrorMessageKey(error))}
              </Text>
            )}
            {isApiError(error) &&
              error.fieldErrors.map((fieldError, index) => {
                const labelKey = importFieldLabelKey(fieldError.field);
                return (
                  <Text size="sm" key={`${fieldError.field}-${index}`}>
                    {t('common.fieldLabel', { field: labelKey ? t(labelKey) : fieldError.field })}{' '}
                    {fieldError.message}
                  </Text>
                );
              })}
            <Text size="sm">{t('partnerImport.file.tryAgain')}</Text>
            <ErrorReference correlationId={correlationIdOf(error)} />
          </Stack>
        </Alert>
      )}
      <ColumnsHelp />
    </Stack>
  );
};
