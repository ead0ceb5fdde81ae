import { SaveViewRequestSchema, type SavedViewList } from '@pardev/contracts';
import { Stack, Text, TextInput } from '@mantine/core';
import { useForm, type FormErrors } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../../components/form-actions';
import { FormFailureAlert } from '../../../components/form-failure-alert';
import { isApiError } from '../../../lib/api-error';
import { applyServerFieldErrors, formRules } from '../../../lib/form-validation';
import { useSaveView } from '../api/saved-views';

interface SaveViewValues {
  name: string;
}

const fieldLabelKeys = { name: 'savedViews.fields.name' } as const;

/** Rendered at display time, so a language switch translates it too. */
const NameTaken = () => {
  const { t } = useTranslation();
  return <>{t('savedViews.nameTaken')}</>;
};

const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

interface SaveViewFormProps {
  list: SavedViewList;
  /** The list's URL query to save (without "?" and without the page). */
  query: string;
  /** Names of the person's views already saved for this list. */
  takenNames: readonly string[];
  onSaved: () => void;
  onCancel: () => void;
}

/** Names the list's current filters and order, and saves them as one of the person's views. */
export const SaveViewForm = ({ list, query, takenNames, onSaved, onCancel }: SaveViewFormProps) => {
  const { t } = useTranslation();
  const save = useSaveView();
  const toInput = (values: SaveViewValues) => ({ list, name: values.name, query });
  const { validate, isFormField } = formRules(SaveViewRequestSchema, fieldLabelKeys, toInput);
  const form = useForm<SaveViewValues>({
    initialValues: { name: '' },
    validate: (values): FormErrors => {
      const errors = validate(values);
      if (!errors['name'] && takenNames.some((name) => sameName(name, values.name))) {
        return { ...errors, name: <NameTaken /> };
      }
      return errors;
    },
    validateInputOnChange: true,
    validateInputOnBlur: true,
  });

  const submit = form.onSubmit((values) => {
    const body = SaveViewRequestSchema.parse(toInput(values));
    save.mutate(body, {
      onSuccess: (view) => {
        notifications.show({ color: 'green', message: t('savedViews.saved', { name: view.name }) });
        onSaved();
      },
      onError: (error) => {
        if (isApiError(error)) applyServerFieldErrors(form, error, fieldLabelKeys);
      },
    });
  });

  return (
    <form noValidate onSubmit={submit} aria-describedby={save.isError ? 'save-view-error' : undefined}>
      <Stack gap="md">
        {save.isError && (
          <FormFailureAlert
            id="save-view-error"
            title={t('savedViews.saveFailed')}
            error={save.error}
            isFormField={isFormField}
          />
        )}
        <Text size="sm" c="dimmed">
          {t('savedViews.saveDescription')}
        </Text>
        <TextInput
          label={t('savedViews.fields.name')}
          placeholder={t('savedViews.namePlaceholder')}
          required
          data-autofocus
          autoComplete="off"
          {...form.getInputProps('name')}
        />
        <FormActions submitLabel={t('savedViews.save')} submitting={save.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
};
