import { AuditReaderRoles } from '@pardev/contracts';
import { Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ForbiddenNotice } from '../../components/forbidden-notice';
import { AuditTrail } from '../../features/audit/components/audit-trail';
import { useSessionUser } from '../../features/auth/components/session-user-context';
import { hasAnyRole } from '../../lib/roles';

export const AuditTrailPage = () => {
  const { t } = useTranslation();
  const { roles } = useSessionUser();
  useDocumentTitle(`${t('audit.title')} · ${t('app.name')}`);

  // The whole trail is for admins and auditors (the gateway answers 403 to anyone else too).
  if (!hasAnyRole(roles, AuditReaderRoles)) {
    return <ForbiddenNotice title={t('audit.title')} description={t('audit.forbidden')} />;
  }

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('audit.title')}</Title>
        <Text c="dimmed">{t('audit.intro')}</Text>
      </Stack>
      <AuditTrail />
    </Stack>
  );
};
