import { SetRolesRequestSchema, type User } from '@pardev/contracts';
import { Alert, Modal, MultiSelect, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ErrorReference } from '../../../components/error-reference';
import { FormActions } from '../../../components/form-actions';
import { apiErrorMessageKey, correlationIdOf } from '../../../lib/api-error-message';
import { describeWithSchema, toFormErrors, type FieldLabelKeys } from '../../../lib/form-validation';
import { useSetUserRoles } from '../api/set-user-roles';
import { roleOptions } from './role-label';

interface RolesFormValues {
  roles: string[];
}

const fieldLabelKeys = { roles: 'users.fields.roles' } as const satisfies FieldLabelKeys;
const describeIssues = describeWithSchema(SetRolesRequestSchema, (values: RolesFormValues) => ({
  ...values,
}));
const validate = (values: RolesFormValues) => toFormErrors(describeIssues(values), fieldLabelKeys);

const ChangeRolesForm = ({ user, onClose }: { user: User; onClose: () => void }) => {
  const { t } = useTranslation();
  const setRoles = useSetUserRoles();
  const form = useForm<RolesFormValues>({
    initialValues: { roles: [...user.roles] },
    validate,
    validateInputOnChange: true,
  });

  const submit = form.onSubmit((submitted) => {
    const { roles } = SetRolesRequestSchema.parse(submitted);
    setRoles.mutate(
      { id: user.id, roles },
      {
        onSuccess: (updated) => {
          notifications.show({
            color: 'green',
            message: t('users.roles.done', { name: updated.displayName }),
          });
          onClose();
        },
      },
    );
  });

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="md">
        {setRoles.isError && (
          <Alert color="red" variant="light" role="alert" title={t('users.roles.failed')}>
            <Stack gap={4}>
              <Text size="sm">{t(apiErrorMessageKey(setRoles.error))}</Text>
              <ErrorReference correlationId={correlationIdOf(setRoles.error)} />
            </Stack>
          </Alert>
        )}
        <MultiSelect
          label={t('users.fields.roles')}
          placeholder={t('users.rolesPlaceholder')}
          required
          data-autofocus
          data={roleOptions(t)}
          {...form.getInputProps('roles')}
        />
        <FormActions
          submitLabel={t('users.roles.submit')}
          submitting={setRoles.isPending}
          onCancel={onClose}
        />
      </Stack>
    </form>
  );
};

interface ChangeRolesModalProps {
  user: User | null;
  onClose: () => void;
}

export const ChangeRolesModal = ({ user, onClose }: ChangeRolesModalProps) => {
  const { t } = useTranslation();
  return (
    <Modal
      opened={user !== null}
      onClose={onClose}
      title={user ? t('users.roles.title', { name: user.displayName }) : ''}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {user && <ChangeRolesForm key={user.id} user={user} onClose={onClose} />}
    </Modal>
  );
};
