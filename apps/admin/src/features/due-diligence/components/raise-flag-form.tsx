import {
  FlagCategories,
  FlagLevels,
  RaiseFlagBodySchema,
  type FlagCategory,
  type FlagLevel,
} from '@pardev/contracts';
import { Alert, Group, Radio, Select, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { formRules } from '../../../lib/form-validation';
import { dueDiligenceLabelKeys } from '../../../lib/record-fields';
import { flagCategoryLabelKey, flagLevelLabelKey } from '../../../lib/reference-labels';
import { useRaiseFlag } from '../api/raise-flag';
import { DialogForm, answerHandlers } from './dialog-form';

interface RaiseFlagFormValues {
  level: FlagLevel | null;
  category: FlagCategory | null;
  comment: string;
}

const fieldLabelKeys = dueDiligenceLabelKeys(['level', 'category', 'comment']);
const { validate, isFormField } = formRules<RaiseFlagFormValues>(RaiseFlagBodySchema, fieldLabelKeys);

interface RaiseFlagFormProps {
  partnerId: string;
  onSaved: () => void;
  onCancel: () => void;
}

/** Raises a concern about the partner; a red one blocks new agreements until it is resolved. */
export const RaiseFlagForm = ({ partnerId, onSaved, onCancel }: RaiseFlagFormProps) => {
  const { t } = useTranslation();
  const raise = useRaiseFlag();
  const form = useForm<RaiseFlagFormValues>({
    initialValues: { level: null, category: null, comment: '' },
    validate,
    validateInputOnChange: true,
    validateInputOnBlur: true,
  });

  const submit = form.onSubmit((submitted) => {
    const body = RaiseFlagBodySchema.parse(submitted);
    const done = t('dueDiligence.raiseFlag.done', { level: t(flagLevelLabelKey(body.level)) });
    raise.mutate({ partnerId, body }, answerHandlers(form, fieldLabelKeys, done, onSaved));
  });

  const categories = FlagCategories.map((category) => ({
    value: category,
    label: t(flagCategoryLabelKey(category)),
  }));

  return (
    <DialogForm
      errorId="raise-flag-error"
      failedTitle={t('dueDiligence.raiseFlag.failed')}
      mutation={raise}
      isFormField={isFormField}
      submitLabel={t('dueDiligence.raiseFlag.submit')}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <Radio.Group
        label={t('dueDiligence.fields.level')}
        description={t('dueDiligence.raiseFlag.levelDescription')}
        required
        {...form.getInputProps('level')}
      >
        <Group gap="lg" mt={6}>
          {FlagLevels.map((level) => (
            <Radio key={level} value={level} label={t(flagLevelLabelKey(level))} />
          ))}
        </Group>
      </Radio.Group>
      {form.values.level === 'RED' && (
        <Alert color="red" variant="light" role="status" title={t('dueDiligence.raiseFlag.redWarning.title')}>
          {t('dueDiligence.raiseFlag.redWarning.description')}
        </Alert>
      )}
      <Select
        label={t('dueDiligence.fields.category')}
        placeholder={t('dueDiligence.raiseFlag.categoryPlaceholder')}
        required
        data={categories}
        allowDeselect={false}
        {...form.getInputProps('category')}
      />
      <Textarea
        label={t('dueDiligence.fields.comment')}
        description={t('dueDiligence.raiseFlag.commentDescription')}
        required
        autosize
        minRows={3}
        {...form.getInputProps('comment')}
      />
    </DialogForm>
  );
};
