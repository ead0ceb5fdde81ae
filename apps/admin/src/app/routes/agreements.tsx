import { AgreementRegistrarRoles } from '@pardev/contracts';
import { Button, Group, Stack, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSessionUser } from '../../features/auth/components/session-user-context';
import { AgreementsList } from '../../features/agreements/components/agreements-list';
import { hasAnyRole } from '../../lib/roles';

export const AgreementsPage = () => {
  const { t } = useTranslation();
  const user = useSessionUser();
  const canCreate = hasAnyRole(user.roles, AgreementRegistrarRoles);
  useDocumentTitle(`${t('agreements.title')} · ${t('app.name')}`);
  const preload = () => void import('./agreement-create');
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="center">
        <Title order={1}>{t('agreements.title')}</Title>
        {canCreate && (
          <Button component={Link} to="/agreements/new" onMouseEnter={preload} onFocus={preload}>
            {t('agreements.newAgreement')}
          </Button>
        )}
      </Group>
      <AgreementsList />
    </Stack>
  );
};
