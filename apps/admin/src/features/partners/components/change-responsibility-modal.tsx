import type { Partner } from '@pardev/contracts';
import { useTranslation } from 'react-i18next';
import { RecordModal } from '../../../components/record-modal';
import { ChangeResponsibilityForm } from './change-responsibility-form';

interface ChangeResponsibilityModalProps {
  /** The partner being handed over; the dialog is closed when null. */
  partner: Partner | null;
  onClose: () => void;
}

export const ChangeResponsibilityModal = ({ partner, onClose }: ChangeResponsibilityModalProps) => {
  const { t } = useTranslation();
  return (
    <RecordModal
      record={partner}
      title={(record) => t('partners.responsibility.title', { name: record.name })}
      onClose={onClose}
    >
      {(record) => <ChangeResponsibilityForm partner={record} onSaved={onClose} onCancel={onClose} />}
    </RecordModal>
  );
};
