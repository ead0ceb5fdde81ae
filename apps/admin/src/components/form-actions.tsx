import { Button, Group, type ButtonProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface FormActionsProps {
  /** What submitting does, e.g. "Save changes". */
  submitLabel: string;
  /** True while the form is being sent. */
  submitting: boolean;
  onCancel: () => void;
  /** The submit button's colour, e.g. red for a refusal. */
  submitColor?: ButtonProps['color'];
}

/** A form's buttons: cancel, then the submit button (last, as people expect it). */
export const FormActions = ({ submitLabel, submitting, onCancel, submitColor }: FormActionsProps) => {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" gap="sm">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" color={submitColor} loading={submitting}>
        {submitLabel}
      </Button>
    </Group>
  );
};
