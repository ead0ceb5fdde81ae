import { DueDiligenceReaderRoles } from '@pardev/contracts';
import { Anchor, Breadcrumbs, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ForbiddenNotice } from '../../components/forbidden-notice';
import { useSessionUser } from '../../features/auth/components/session-user-context';
import { ExpiringChecks } from '../../features/due-diligence/components/expiring-checks';
import { useReaderRolesText } from '../../features/due-diligence/lib/readers';
import { hasAnyRole } from '../../lib/roles';

export const ExpiringChecksPage = () => {
  const { t } = useTranslation();
  const { roles } = useSessionUser();
  const readers = useReaderRolesText();
  useDocumentTitle(`${t('dueDiligence.expiring.title')} · ${t('app.name')}`);

  // Due-diligence details are not for viewers (the gateway answers 403 too).
  if (!hasAnyRole(roles, DueDiligenceReaderRoles)) {
    return (
      <ForbiddenNotice
        title={t('dueDiligence.expiring.title')}
        description={t('dueDiligence.readersOnly', { roles: readers })}
      />
    );
  }

  return (
    <Stack gap="lg">
      <nav aria-label={t('partners.record.breadcrumb')}>
        <Breadcrumbs>
          <Anchor component={Link} to="/partners" size="sm">
            {t('partners.title')}
          </Anchor>
          <Text size="sm" aria-current="page">
            {t('dueDiligence.expiring.title')}
          </Text>
        </Breadcrumbs>
      </nav>
      <Stack gap={4}>
        <Title order={1}>{t('dueDiligence.expiring.title')}</Title>
        <Text c="dimmed">{t('dueDiligence.expiring.intro')}</Text>
      </Stack>
      <ExpiringChecks />
    </Stack>
  );
};
