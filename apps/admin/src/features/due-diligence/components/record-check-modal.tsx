import type { CheckType, Partner } from '@pardev/contracts';
import { useTranslation } from 'react-i18next';
import { RecordModal } from '../../../components/record-modal';
import { RecordCheckForm } from './record-check-form';

interface RecordCheckModalProps {
  /** The partner the check is about; the dialog is closed when null. */
  partner: Partner | null;
  mandatory: readonly CheckType[];
  onClose: () => void;
}

export const RecordCheckModal = ({ partner, mandatory, onClose }: RecordCheckModalProps) => {
  const { t } = useTranslation();
  return (
    <RecordModal
      record={partner}
      title={(record) => t('dueDiligence.recordCheck.title', { name: record.name })}
      onClose={onClose}
      size="lg"
    >
      {(record) => (
        <RecordCheckForm partnerId={record.id} mandatory={mandatory} onSaved={onClose} onCancel={onClose} />
      )}
    </RecordModal>
  );
};
