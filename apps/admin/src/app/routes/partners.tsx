import { Button, Group, Stack, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { DueDiligenceReaderRoles, PartnerEditorRoles, PartnerRegistrarRoles } from '@pardev/contracts';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { actorFrom } from '../../features/auth/lib/actor';
import { useSessionUser } from '../../features/auth/components/session-user-context';
import { PartnersList } from '../../features/partners/components/partners-list';
import { SavedViewsMenu } from '../../features/saved-views/components/saved-views-menu';
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
  // Importing writes partners: the roles that may change them (the gateway checks again).
  const canImport = hasAnyRole(user.roles, PartnerEditorRoles);
  useDocumentTitle(`${t('partners.title')} · ${t('app.name')}`);

  // The list's view (search, page) travels with the form so closing it returns to the same view.
  const openCreate = () => void navigate({ pathname: '/partners/new', search });
  // Fetch the form's code while the pointer or focus is on the button, so the dialog opens at once.
  const preloadCreate = () => void import('./partner-create');
  const preloadExpiring = () => void import('./expiring-checks');
  const preloadImport = () => void import('./partner-import');

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="center">
        <Title order={1}>{t('partners.title')}</Title>
        <Group gap="sm">
          <SavedViewsMenu list="partners" path="/partners" />
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
          {canImport && (
            <Button
              component={Link}
              to="/partners/import"
              variant="default"
              onMouseEnter={preloadImport}
              onFocus={preloadImport}
            >
              {t('partnerImport.title')}
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
