import {
  CheckResults,
  CheckTypes,
  RecordCheckBodySchema,
  type CheckResult,
  type CheckType,
} from '@pardev/contracts';
import { Group, Radio, Select, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIsoDate } from '../../../lib/dates';
import { formRules } from '../../../lib/form-validation';
import { CheckFields, dueDiligenceLabelKeys } from '../../../lib/record-fields';
import { checkResultLabelKey, checkTypeLabelKey } from '../../../lib/reference-labels';
import { useRecordCheck } from '../api/record-check';
import { DialogForm, answerHandlers } from './dialog-form';

interface RecordCheckFormValues {
  type: CheckType | null;
  result: CheckResult | null;
  /** Dates as the date inputs give them: an ISO date, or '' when empty. */
  checkedOn: string;
  expiresOn: string;
  evidence: string;
  notes: string;
}

const fieldLabelKeys = dueDiligenceLabelKeys(CheckFields);

/** Form values as the contract expects them: an empty expiry date means "does not expire". */
const toCheckInput = (values: RecordCheckFormValues) => ({
  ...values,
  expiresOn: values.expiresOn === '' ? null : values.expiresOn,
});
const { validate, isFormField } = formRules(RecordCheckBodySchema, fieldLabelKeys, toCheckInput, {
  date_order: 'validation.expiresAfterChecked',
});

interface RecordCheckFormProps {
  partnerId: string;
  /** Check types that are mandatory for this partner (said so in the list of types). */
  mandatory: readonly CheckType[];
  onSaved: () => void;
  onCancel: () => void;
}

/** Records a check the user reviewed: what it found, when, until when it holds, where the evidence is. */
export const RecordCheckForm = ({ partnerId, mandatory, onSaved, onCancel }: RecordCheckFormProps) => {
  const { t } = useTranslation();
  const record = useRecordCheck();
  const today = todayIsoDate();
  const form = useForm<RecordCheckFormValues>({
    initialValues: { type: null, result: null, checkedOn: today, expiresOn: '', evidence: '', notes: '' },
    validate,
    validateInputOnChange: true,
    validateInputOnBlur: true,
  });
  // The contract checks the dates against each other once every field is valid: recheck both
  // dates whenever anything changes, so their errors show without waiting for the submit.
  const { values, validateField } = form;
  useEffect(() => {
    if (values.checkedOn !== '') validateField('checkedOn');
    if (values.expiresOn !== '') validateField('expiresOn');
  }, [values, validateField]);

  const submit = form.onSubmit((submitted) => {
    const body = RecordCheckBodySchema.parse(toCheckInput(submitted));
    const done = t('dueDiligence.recordCheck.done', { type: t(checkTypeLabelKey(body.type)) });
    record.mutate({ partnerId, body }, answerHandlers(form, fieldLabelKeys, done, onSaved));
  });

  const types = CheckTypes.map((type) => ({
    value: type,
    label: mandatory.includes(type)
      ? t('dueDiligence.recordCheck.mandatoryType', { type: t(checkTypeLabelKey(type)) })
      : t(checkTypeLabelKey(type)),
  }));

  return (
    <DialogForm
      errorId="record-check-error"
      failedTitle={t('dueDiligence.recordCheck.failed')}
      mutation={record}
      isFormField={isFormField}
      submitLabel={t('dueDiligence.recordCheck.submit')}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <Select
        label={t('dueDiligence.fields.type')}
        placeholder={t('dueDiligence.recordCheck.typePlaceholder')}
        required
        data-autofocus
        data={types}
        allowDeselect={false}
        {...form.getInputProps('type')}
      />
      <Radio.Group label={t('dueDiligence.fields.result')} required {...form.getInputProps('result')}>
        <Group gap="lg" mt={6}>
          {CheckResults.map((result) => (
            <Radio key={result} value={result} label={t(checkResultLabelKey(result))} />
          ))}
        </Group>
      </Radio.Group>
      <Group grow align="flex-start">
        <TextInput
          type="date"
          label={t('dueDiligence.fields.checkedOn')}
          required
          max={today}
          {...form.getInputProps('checkedOn')}
        />
        <TextInput
          type="date"
          label={t('dueDiligence.fields.expiresOn')}
          description={t('dueDiligence.recordCheck.expiresOnDescription')}
          min={values.checkedOn || undefined}
          {...form.getInputProps('expiresOn')}
        />
      </Group>
      <TextInput
        label={t('dueDiligence.fields.evidence')}
        description={t('dueDiligence.recordCheck.evidenceDescription')}
        required
        autoComplete="off"
        {...form.getInputProps('evidence')}
      />
      <Textarea
        label={t('dueDiligence.fields.notes')}
        autosize
        minRows={2}
        {...form.getInputProps('notes')}
      />
    </DialogForm>
  );
};
