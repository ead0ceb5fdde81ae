import { Skeleton, Stack, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Stands in for a page while its code loads: never a blank page. */
export const PageSkeleton = () => {
  const { t } = useTranslation();
  return (
    <Stack gap="md" aria-busy="true">
      <VisuallyHidden role="status">{t('common.loading')}</VisuallyHidden>
      <Skeleton height={32} width="30%" />
      <Skeleton height={36} width="50%" />
      <Skeleton height={240} />
    </Stack>
  );
};
