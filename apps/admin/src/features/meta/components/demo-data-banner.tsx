import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMeta } from '../api/get-meta';

export const DemoDataBanner = () => {
  const { t } = useTranslation();
  const meta = useMeta();
  if (!meta.data?.demoData) return null;
  return (
    <Alert
      color="yellow"
      variant="light"
      role="note"
      aria-label={t('app.demoDataLabel')}
      data-testid="demo-data-banner"
      mb="md"
    >
      {t('app.demoData')}
    </Alert>
  );
};
