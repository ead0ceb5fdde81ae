import type { Partner } from '@pardev/contracts';
import { useTranslation } from 'react-i18next';
import { RecordModal } from '../../../components/record-modal';
import { EditPartnerForm } from './edit-partner-form';

interface EditPartnerModalProps {
  /** The partner being edited; the dialog is closed when null. */
  partner: Partner | null;
  onClose: () => void;
}

export const EditPartnerModal = ({ partner, onClose }: EditPartnerModalProps) => {
  const { t } = useTranslation();
  return (
    <RecordModal
      record={partner}
      title={(record) => t('partners.edit.title', { name: record.name })}
      onClose={onClose}
      size="lg"
    >
      {(record) => <EditPartnerForm partner={record} onSaved={onClose} onCancel={onClose} />}
    </RecordModal>
  );
};
