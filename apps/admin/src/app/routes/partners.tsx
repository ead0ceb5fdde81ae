import { Button, Group, Stack, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { DueDiligenceReaderRoles, PartnerRegistrarRoles } from '@pardev/contracts';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { actorFrom } from '../../features/auth/lib/actor';
import { useSessionUser } from '../../features/auth/components/session-user-context';
import { PartnersList } from '../../features/partners/components/partners-list';
import { expiringChecksPath } from '../../lib/record-paths';
import { hasAnyRole } from '../../lib/roles';

export const PartnersPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { search } = useLocation();
  const user = useSessionUser();
  // Only roles the gateway lets register partners see the button (the server checks again).
  const canRegister = hasAnyRole(user.roles, PartnerRegistrarRoles);
  const canReadChecks = hasAnyRole(user.roles, DueDiligenceReaderRoles);
  useDocumentTitle(`${t('partners.title')} · ${t('app.name')}`);

  // The list's view (search, page) travels with the form so closing it returns to the same view.
  const openCreate = () => void navigate({ pathname: '/partners/new', search });
  // Fetch the form's code while the pointer or focus is on the button, so the dialog opens at once.
  const preloadCreate = () => void import('./partner-create');
  const preloadExpiring = () => void import('./expiring-checks');

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="center">
        <Title order={1}>{t('partners.title')}</Title>
        <Group gap="sm">
          {canReadChecks && (
            <Button
              component={Link}
              to={expiringChecksPath}
              variant="default"
              onMouseEnter={preloadExpiring}
              onFocus={preloadExpiring}
            >
              {t('dueDiligence.expiring.title')}
            </Button>
          )}
          {canRegister && (
            <Button onClick={openCreate} onMouseEnter={preloadCreate} onFocus={preloadCreate}>
              {t('partners.newPartner')}
            </Button>
          )}
        </Group>
      </Group>
      <PartnersList actor={actorFrom(user)} onCreate={canRegister ? openCreate : undefined} />
      <Outlet />
    </Stack>
  );
};
