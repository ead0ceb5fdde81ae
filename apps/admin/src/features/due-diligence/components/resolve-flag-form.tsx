import { ResolveFlagBodySchema, type Flag } from '@pardev/contracts';
import { Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { formRules } from '../../../lib/form-validation';
import { dueDiligenceLabelKeys } from '../../../lib/record-fields';
import { flagCategoryLabelKey } from '../../../lib/reference-labels';
import { useResolveFlag } from '../api/resolve-flag';
import { DialogForm, answerHandlers } from './dialog-form';
import { FlagLevelBadge } from './due-diligence-badges';

interface ResolveFlagFormValues {
  resolution: string;
}

const fieldLabelKeys = dueDiligenceLabelKeys(['resolution']);
const { validate, isFormField } = formRules<ResolveFlagFormValues>(ResolveFlagBodySchema, fieldLabelKeys);

interface ResolveFlagFormProps {
  partnerId: string;
  flag: Flag;
  onSaved: () => void;
  onCancel: () => void;
}

/** Closes a flag, saying what was done about it (a red one then no longer blocks new agreements). */
export const ResolveFlagForm = ({ partnerId, flag, onSaved, onCancel }: ResolveFlagFormProps) => {
  const { t } = useTranslation();
  const resolve = useResolveFlag();
  const form = useForm<ResolveFlagFormValues>({
    initialValues: { resolution: '' },
    validate,
    validateInputOnChange: true,
    validateInputOnBlur: true,
  });

  const submit = form.onSubmit((submitted) => {
    const body = ResolveFlagBodySchema.parse(submitted);
    const done = t('dueDiligence.resolveFlag.done');
    resolve.mutate({ partnerId, flagId: flag.id, body }, answerHandlers(form, fieldLabelKeys, done, onSaved));
  });

  return (
    <DialogForm
      errorId="resolve-flag-error"
      failedTitle={t('dueDiligence.resolveFlag.failed')}
      mutation={resolve}
      isFormField={isFormField}
      submitLabel={t('dueDiligence.resolveFlag.submit')}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <Paper withBorder p="sm" bg="var(--mantine-color-gray-light)">
        <Stack gap={4}>
          <Group gap="xs">
            <FlagLevelBadge level={flag.level} />
            <Text fw={600} size="sm">
              {t(flagCategoryLabelKey(flag.category))}
            </Text>
          </Group>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {flag.comment}
          </Text>
        </Stack>
      </Paper>
      {flag.level === 'RED' && <Text size="sm">{t('dueDiligence.resolveFlag.liftsBlock')}</Text>}
      <Textarea
        label={t('dueDiligence.fields.resolution')}
        description={t('dueDiligence.resolveFlag.resolutionDescription')}
        required
        autosize
        minRows={3}
        data-autofocus
        {...form.getInputProps('resolution')}
      />
    </DialogForm>
  );
};
