import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface FormActionsProps {
  /** What submitting does, e.g. "Save changes". */
  submitLabel: string;
  /** True while the form is being sent. */
  submitting: boolean;
  onCancel: () => void;
}

/** A form's buttons: cancel, then the submit button (last, as people expect it). */
export const FormActions = ({ submitLabel, submitting, onCancel }: FormActionsProps) => {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" gap="sm">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={submitting}>
        {submitLabel}
      </Button>
    </Group>
  );
};
