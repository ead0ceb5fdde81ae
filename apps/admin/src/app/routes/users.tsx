import { Button, Group, Stack, Title } from '@mantine/core';
import { useDisclosure, useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ForbiddenNotice } from '../../components/forbidden-notice';
import { useSessionUser } from '../../features/auth/components/session-user-context';
import { InviteUserModal } from '../../features/users/components/invite-user-modal';
import { UsersList } from '../../features/users/components/users-list';

export const UsersPage = () => {
  const { t } = useTranslation();
  const { id, roles } = useSessionUser();
  const [inviteOpened, invite] = useDisclosure(false);
  useDocumentTitle(`${t('users.title')} · ${t('app.name')}`);

  // Account administration is for admins only (the gateway answers 403 to anyone else too).
  if (!roles.includes('admin')) {
    return (
      <ForbiddenNotice title={t('users.forbidden.title')} description={t('users.forbidden.description')} />
    );
  }

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="center">
        <Title order={1}>{t('users.title')}</Title>
        <Button onClick={invite.open}>{t('users.inviteUser')}</Button>
      </Group>
      <UsersList currentUserId={id} />
      <InviteUserModal opened={inviteOpened} onClose={invite.close} onCreated={invite.close} />
    </Stack>
  );
};
