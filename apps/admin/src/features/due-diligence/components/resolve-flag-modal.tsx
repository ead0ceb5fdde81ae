import type { Flag } from '@pardev/contracts';
import { useTranslation } from 'react-i18next';
import { RecordModal } from '../../../components/record-modal';
import { ResolveFlagForm } from './resolve-flag-form';

interface ResolveFlagModalProps {
  partnerId: string;
  /** The flag being resolved; the dialog is closed when null. */
  flag: Flag | null;
  onClose: () => void;
}

export const ResolveFlagModal = ({ partnerId, flag, onClose }: ResolveFlagModalProps) => {
  const { t } = useTranslation();
  return (
    <RecordModal record={flag} title={() => t('dueDiligence.resolveFlag.title')} onClose={onClose} size="lg">
      {(record) => (
        <ResolveFlagForm partnerId={partnerId} flag={record} onSaved={onClose} onCancel={onClose} />
      )}
    </RecordModal>
  );
};
