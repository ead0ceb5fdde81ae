import { ContactBodySchema, type Contact } from '@pardev/contracts';
import { Checkbox, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../../components/form-actions';
import { FormFailureAlert } from '../../../components/form-failure-alert';
import { isApiError } from '../../../lib/api-error';
import { applyServerFieldErrors, formRules } from '../../../lib/form-validation';
import { useSaveContact } from '../api/contacts';

interface ContactFormValues {
  name: string;
  role: string;
  email: string;
  phone: string;
  focalPoint: boolean;
  authorisedSignatory: boolean;
}

const fieldLabelKeys = {
  name: 'partners.contacts.fields.name',
  role: 'partners.contacts.fields.role',
  email: 'partners.contacts.fields.email',
  phone: 'partners.contacts.fields.phone',
  focalPoint: 'partners.contacts.fields.focalPoint',
  authorisedSignatory: 'partners.contacts.fields.authorisedSignatory',
} as const;

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

/** Form values as the contract expects them: an empty optional input means "none". */
const toContactInput = (values: ContactFormValues) => ({
  ...values,
  role: orNull(values.role),
  email: orNull(values.email),
  phone: orNull(values.phone),
});
const { validate, isFormField } = formRules(ContactBodySchema, fieldLabelKeys, toContactInput);

interface ContactFormProps {
  partnerId: string;
  /** The contact being changed; absent for a new one. */
  contact?: Contact | undefined;
  /** The partner's current focal point, when another contact is. */
  focalPoint?: Contact | undefined;
  onSaved: () => void;
  onCancel: () => void;
}

/** Adds a contact of a partner, or changes one. */
export const ContactForm = ({ partnerId, contact, focalPoint, onSaved, onCancel }: ContactFormProps) => {
  const { t } = useTranslation();
  const save = useSaveContact();
  const form = useForm<ContactFormValues>({
    initialValues: {
      name: contact?.name ?? '',
      role: contact?.role ?? '',
      email: contact?.email ?? '',
      phone: contact?.phone ?? '',
      focalPoint: contact?.focalPoint ?? false,
      authorisedSignatory: contact?.authorisedSignatory ?? false,
    },
    validate,
    validateInputOnChange: true,
    validateInputOnBlur: true,
  });
  const movesFocalPoint = form.values.focalPoint && focalPoint !== undefined && focalPoint.id !== contact?.id;

  const submit = form.onSubmit((values) => {
    const body = ContactBodySchema.parse(toContactInput(values));
    save.mutate(
      { partnerId, contactId: contact?.id, body },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('partners.contacts.saved', { name: body.name }) });
          onSaved();
        },
        onError: (error) => {
          if (isApiError(error)) applyServerFieldErrors(form, error, fieldLabelKeys);
        },
      },
    );
  });

  return (
    <form noValidate onSubmit={submit} aria-describedby={save.isError ? 'contact-error' : undefined}>
      <Stack gap="md">
        {save.isError && (
          <FormFailureAlert
            id="contact-error"
            title={t('partners.contacts.failed')}
            error={save.error}
            isFormField={isFormField}
          />
        )}
        <TextInput
          label={t('partners.contacts.fields.name')}
          required
          data-autofocus
          autoComplete="off"
          {...form.getInputProps('name')}
        />
        <TextInput label={t('partners.contacts.fields.role')} {...form.getInputProps('role')} />
        <TextInput
          label={t('partners.contacts.fields.email')}
          type="email"
          autoComplete="off"
          {...form.getInputProps('email')}
        />
        <TextInput
          label={t('partners.contacts.fields.phone')}
          type="tel"
          autoComplete="off"
          {...form.getInputProps('phone')}
        />
        <Checkbox
          label={t('partners.contacts.fields.focalPoint')}
          description={
            movesFocalPoint
              ? t('partners.contacts.movesFocalPoint', { name: focalPoint.name })
              : t('partners.contacts.focalPointDescription')
          }
          {...form.getInputProps('focalPoint', { type: 'checkbox' })}
        />
        <Checkbox
          label={t('partners.contacts.fields.authorisedSignatory')}
          {...form.getInputProps('authorisedSignatory', { type: 'checkbox' })}
        />
        <FormActions
          submitLabel={t(contact ? 'partners.contacts.save' : 'partners.contacts.add')}
          submitting={save.isPending}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
};
