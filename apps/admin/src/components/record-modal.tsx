import { Modal, type ModalProps } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface RecordModalProps<T extends { id: string }> {
  /** The record the dialog is about; the dialog is open while there is one. */
  record: T | null;
  title: (record: T) => string;
  onClose: () => void;
  size?: ModalProps['size'];
  children: (record: T) => ReactNode;
}

/** A dialog about one record (edit it, change who is responsible, …). */
export const RecordModal = <T extends { id: string }>({
  record,
  title,
  onClose,
  size,
  children,
}: RecordModalProps<T>) => {
  const { t } = useTranslation();
  return (
    <Modal
      opened={record !== null}
      onClose={onClose}
      title={record ? title(record) : ''}
      size={size}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {/* Keyed by the record, so each opening starts from that record's values. */}
      {record && <Fragment key={record.id}>{children(record)}</Fragment>}
    </Modal>
  );
};
