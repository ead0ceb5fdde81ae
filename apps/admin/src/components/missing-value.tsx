import { Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** An empty value: a dash for the eye, "None" for screen readers. */
export const MissingValue = () => {
  const { t } = useTranslation();
  return (
    <>
      <Text span c="dimmed" aria-hidden="true">
        —
      </Text>
      <VisuallyHidden>{t('common.none')}</VisuallyHidden>
    </>
  );
};
