import type { Partner } from '@pardev/contracts';
import { useTranslation } from 'react-i18next';
import { RecordModal } from '../../../components/record-modal';
import { RaiseFlagForm } from './raise-flag-form';

interface RaiseFlagModalProps {
  /** The partner the flag is about; the dialog is closed when null. */
  partner: Partner | null;
  onClose: () => void;
}

export const RaiseFlagModal = ({ partner, onClose }: RaiseFlagModalProps) => {
  const { t } = useTranslation();
  return (
    <RecordModal
      record={partner}
      title={(record) => t('dueDiligence.raiseFlag.title', { name: record.name })}
      onClose={onClose}
      size="lg"
    >
      {(record) => <RaiseFlagForm partnerId={record.id} onSaved={onClose} onCancel={onClose} />}
    </RecordModal>
  );
};
