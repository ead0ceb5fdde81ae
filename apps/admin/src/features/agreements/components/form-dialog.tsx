import { Modal, Stack, type ButtonProps, type ModalProps, type StackProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../../components/form-actions';

interface FormDialogProps {
  title: string;
  size?: ModalProps['size'];
  /** Space between the form's parts. */
  gap?: StackProps['gap'];
  submitLabel: string;
  submitColor?: ButtonProps['color'];
  /** True while the form is being sent. */
  pending: boolean;
  /** Checks the form and sends it (the browser's own validation is off). */
  onSubmit: () => void;
  onClose: () => void;
  /** The inputs, then why the last try was refused. */
  children: ReactNode;
}

/** A form in a dialog, open while it is rendered: its inputs, then cancel and submit. */
export const FormDialog = ({
  title,
  size,
  gap = 'md',
  submitLabel,
  submitColor,
  pending,
  onSubmit,
  onClose,
  children,
}: FormDialogProps) => {
  const { t } = useTranslation();
  return (
    <Modal
      opened
      onClose={onClose}
      size={size}
      title={title}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        <Stack gap={gap}>
          {children}
          <FormActions
            submitLabel={submitLabel}
            submitColor={submitColor}
            submitting={pending}
            onCancel={onClose}
          />
        </Stack>
      </form>
    </Modal>
  );
};
