import type { User } from '@pardev/contracts';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ErrorReference } from '../../../components/error-reference';
import { apiErrorMessageKey, correlationIdOf } from '../../../lib/api-error-message';
import { useDeactivateUser } from '../api/deactivate-user';

interface DeactivateUserModalProps {
  user: User | null;
  onClose: () => void;
}

/** Deactivating locks a person out, so it is confirmed first. */
export const DeactivateUserModal = ({ user, onClose }: DeactivateUserModalProps) => {
  const { t } = useTranslation();
  const deactivate = useDeactivateUser();

  const close = () => {
    deactivate.reset();
    onClose();
  };

  const confirm = () => {
    if (!user) return;
    deactivate.mutate(user.id, {
      onSuccess: (updated) => {
        notifications.show({
          color: 'green',
          message: t('users.deactivate.done', { name: updated.displayName }),
        });
        close();
      },
    });
  };

  return (
    <Modal
      opened={user !== null}
      onClose={close}
      title={user ? t('users.deactivate.title', { name: user.displayName }) : ''}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {user && (
        <Stack gap="md">
          <Text size="sm">{t('users.deactivate.description', { name: user.displayName })}</Text>
          {deactivate.isError && (
            <Alert color="red" variant="light" role="alert" title={t('users.deactivate.failed')}>
              <Stack gap={4}>
                <Text size="sm">{t(apiErrorMessageKey(deactivate.error))}</Text>
                <ErrorReference correlationId={correlationIdOf(deactivate.error)} />
              </Stack>
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button color="red" onClick={confirm} loading={deactivate.isPending}>
              {t('users.deactivate.confirm')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
};
