import type { User } from '@pardev/contracts';
import { Modal } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { InviteUserForm } from './invite-user-form';

interface InviteUserModalProps {
  opened: boolean;
  onClose: () => void;
  onCreated: (user: User) => void;
}

export const InviteUserModal = ({ opened, onClose, onCreated }: InviteUserModalProps) => {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('users.invite.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {/* Mounted only while open, so each invitation starts from an empty form. */}
      {opened && <InviteUserForm onCreated={onCreated} onCancel={onClose} />}
    </Modal>
  );
};
