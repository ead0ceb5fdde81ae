import { Stack } from '@mantine/core';
import type { FormErrors } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { FormEventHandler, ReactNode } from 'react';
import { FormActions } from '../../../components/form-actions';
import { FormFailureAlert } from '../../../components/form-failure-alert';
import { isApiError } from '../../../lib/api-error';
import { applyServerFieldErrors, type FieldLabelKeys } from '../../../lib/form-validation';

interface DialogFormProps {
  /** Id of the failure alert: the form's description while it shows. */
  errorId: string;
  /** What did not happen, e.g. "The check was not recorded". */
  failedTitle: string;
  /** The mutation the form sends. */
  mutation: { isError: boolean; isPending: boolean; error: unknown };
  isFormField: (field: string) => boolean;
  submitLabel: string;
  onSubmit: FormEventHandler<HTMLFormElement>;
  onCancel: () => void;
  children: ReactNode;
}

/** A form in a dialog: why the last try was refused, the inputs, then cancel and submit. */
export const DialogForm = ({
  errorId,
  failedTitle,
  mutation,
  isFormField,
  submitLabel,
  onSubmit,
  onCancel,
  children,
}: DialogFormProps) => (
  <form noValidate onSubmit={onSubmit} aria-describedby={mutation.isError ? errorId : undefined}>
    <Stack gap="md">
      {mutation.isError && (
        <FormFailureAlert id={errorId} title={failedTitle} error={mutation.error} isFormField={isFormField} />
      )}
      {children}
      <FormActions submitLabel={submitLabel} submitting={mutation.isPending} onCancel={onCancel} />
    </Stack>
  </form>
);

/**
 * What a form does with the server's answer: on success a toast saying what was done, then
 * `onSaved`; on a refusal the field errors beside their fields (the input is kept).
 */
export const answerHandlers = (
  form: { setErrors: (update: (current: FormErrors) => FormErrors) => void },
  fieldLabelKeys: FieldLabelKeys,
  done: string,
  onSaved: () => void,
) => ({
  onSuccess: () => {
    notifications.show({ color: 'green', message: done });
    onSaved();
  },
  onError: (error: unknown) => {
    if (isApiError(error)) applyServerFieldErrors(form, error, fieldLabelKeys);
  },
});
