import { PartnerEditorRoles } from '@pardev/contracts';
import { Anchor, Breadcrumbs, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ForbiddenNotice } from '../../components/forbidden-notice';
import { useSessionUser } from '../../features/auth/components/session-user-context';
import { PartnerImport } from '../../features/partner-import/components/partner-import';
import { hasAnyRole } from '../../lib/roles';

export const PartnerImportPage = () => {
  const { t } = useTranslation();
  const { roles } = useSessionUser();
  useDocumentTitle(`${t('partnerImport.title')} · ${t('app.name')}`);

  // Admins and officers only (the gateway answers 403 to anyone else too).
  if (!hasAnyRole(roles, PartnerEditorRoles)) {
    return <ForbiddenNotice title={t('partnerImport.title')} description={t('partnerImport.forbidden')} />;
  }

  return (
    <Stack gap="lg">
      <nav aria-label={t('partners.record.breadcrumb')}>
        <Breadcrumbs>
          <Anchor component={Link} to="/partners" size="sm">
            {t('partners.title')}
          </Anchor>
          <Text size="sm" aria-current="page">
            {t('partnerImport.title')}
          </Text>
        </Breadcrumbs>
      </nav>
      <Stack gap={4}>
        <Title order={1}>{t('partnerImport.title')}</Title>
        <Text c="dimmed">{t('partnerImport.intro')}</Text>
      </Stack>
      <PartnerImport />
    </Stack>
  );
};
