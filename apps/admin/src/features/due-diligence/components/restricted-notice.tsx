import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useReaderRolesText } from '../lib/readers';

/** Some details were withheld from this reader: says so, and who may see them. */
export const RestrictedNotice = () => {
  const { t } = useTranslation();
  const roles = useReaderRolesText();
  return (
    <Alert color="gray" variant="light" data-testid="due-diligence-restricted">
      {t('dueDiligence.restricted', { roles })}
    </Alert>
  );
};
