import { AgreementRegistrarRoles } from '@pardev/contracts';
import { Stack, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ForbiddenNotice } from '../../components/forbidden-notice';
import { useSessionUser } from '../../features/auth/components/session-user-context';
import { CreateAgreementFlow } from '../../features/agreements/components/create-agreement-flow';
import { agreementPath } from '../../lib/record-paths';
import { hasAnyRole } from '../../lib/roles';

export const AgreementCreatePage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useSessionUser();
  useDocumentTitle(`${t('agreements.create.title')} · ${t('app.name')}`);
  if (!hasAnyRole(user.roles, AgreementRegistrarRoles)) {
    return (
      <ForbiddenNotice title={t('agreements.create.title')} description={t('agreements.create.forbidden')} />
    );
  }
  return (
    <Stack gap="lg">
      <Title order={1}>{t('agreements.create.title')}</Title>
      <CreateAgreementFlow
        defaultOfficerId={user.roles.includes('officer') ? user.id : undefined}
        onCreated={(agreement) => void navigate(agreementPath(agreement.id))}
        onCancel={() => void navigate('/agreements')}
      />
    </Stack>
  );
};
