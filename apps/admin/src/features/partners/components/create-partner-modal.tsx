import type { Partner } from '@pardev/contracts';
import { Modal } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CreatePartnerForm } from './create-partner-form';

interface CreatePartnerModalProps {
  onClose: () => void;
  onCreated: (partner: Partner) => void;
}

export const CreatePartnerModal = ({ onClose, onCreated }: CreatePartnerModalProps) => {
  const { t } = useTranslation();
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('partners.create.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <CreatePartnerForm onCreated={onCreated} onCancel={onClose} />
    </Modal>
  );
};
