import { ListUsersQuerySchema, type User } from '@pardev/contracts';
import {
  Alert,
  Button,
  CloseButton,
  EmptyState,
  Group,
  NativeSelect,
  Pagination,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorReference } from '../../../components/error-reference';
import { apiErrorMessageKey, correlationIdOf } from '../../../lib/api-error-message';
import { useUsers } from '../api/get-users';
import { useReactivateUser } from '../api/reactivate-user';
import {
  PageSizes,
  SearchDebounceMs,
  readListParams,
  writeListParams,
  type ListParams,
} from '../../../lib/list-params';
import { ChangeRolesModal } from './change-roles-modal';
import { DeactivateUserModal } from './deactivate-user-modal';
import { ResetPasswordModal } from './reset-password-modal';
import { UsersTable, type UserAction } from './users-table';

interface UsersListProps {
  /** The signed-in admin (their own account cannot be deactivated). */
  currentUserId: string;
}

type OpenDialog = { action: 'deactivate' | 'changeRoles' | 'resetPassword'; user: User } | null;

export const UsersList = ({ currentUserId }: UsersListProps) => {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const params = readListParams(searchParams, ListUsersQuerySchema);
  const users = useUsers({ q: params.q || undefined, page: params.page, pageSize: params.pageSize });
  const reactivate = useReactivateUser();
  const [dialog, setDialog] = useState<OpenDialog>(null);

  const update = (changes: Partial<ListParams>, replace = false) =>
    setSearchParams((current) => writeListParams(current, changes), { replace });

  // The input answers every keystroke; the URL (and so the query) follows once typing pauses.
  const [search, setSearch] = useState(params.q);
  const pushSearch = useDebouncedCallback(
    (value: string) => update({ q: value.trim(), page: 1 }, true),
    SearchDebounceMs,
  );
  const [syncedQ, setSyncedQ] = useState(params.q);
  if (syncedQ !== params.q) {
    // The URL changed under us (back button, shared link): show its search, unless the user is typing.
    setSyncedQ(params.q);
    if (!pushSearch.isPending() && search.trim() !== params.q) setSearch(params.q);
  }

  const clearSearch = () => {
    pushSearch.cancel();
    setSearch('');
    update({ q: '', page: 1 }, true);
  };

  const onAction = (action: UserAction, user: User) => {
    if (action !== 'reactivate') {
      setDialog({ action, user });
      return;
    }
    reactivate.mutate(user.id, {
      onSuccess: (updated) =>
        notifications.show({
          color: 'green',
          message: t('users.reactivate.done', { name: updated.displayName }),
        }),
      onError: (error) =>
        notifications.show({
          color: 'red',
          title: t('users.reactivate.failed'),
          message: t(apiErrorMessageKey(error)),
        }),
    });
  };
  const closeDialog = () => setDialog(null);
  const dialogUser = (action: NonNullable<OpenDialog>['action']) =>
    dialog?.action === action ? dialog.user : null;

  const data = users.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const isEmpty = data !== undefined && data.items.length === 0;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <TextInput
          type="search"
          label={t('users.search')}
          placeholder={t('users.searchPlaceholder')}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            pushSearch(event.currentTarget.value);
          }}
          rightSection={
            search ? (
              <CloseButton size="sm" aria-label={t('users.clearSearch')} onClick={clearSearch} />
            ) : null
          }
          w={{ base: '100%', sm: 360 }}
        />
        {data && (
          <Text size="sm" c="dimmed" role="status" data-testid="users-total">
            {t('users.total', { count: data.total })}
          </Text>
        )}
      </Group>

      {users.isError && (
        <Alert color="red" variant="light" role="alert" title={t('users.loadError')}>
          <Stack gap="xs">
            <Text size="sm">{t(apiErrorMessageKey(users.error))}</Text>
            <ErrorReference correlationId={correlationIdOf(users.error)} />
            <Group>
              <Button size="xs" variant="default" onClick={() => void users.refetch()}>
                {t('common.retry')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}

      {isEmpty && data.total === 0 && (
        <EmptyState
          title={params.q ? t('users.noMatch.title', { query: params.q }) : t('users.empty')}
          description={params.q ? t('users.noMatch.description') : undefined}
        >
          {params.q && (
            <Button variant="default" onClick={clearSearch}>
              {t('users.clearSearch')}
            </Button>
          )}
        </EmptyState>
      )}
      {isEmpty && data.total > 0 && (
        <EmptyState title={t('users.pastEnd.title')}>
          <Button variant="default" onClick={() => update({ page: 1 })}>
            {t('users.pastEnd.action')}
          </Button>
        </EmptyState>
      )}

      {!isEmpty && !(users.isError && !data) && (
        <UsersTable
          users={data?.items}
          busy={users.isFetching}
          caption={t('users.tableCaption', { page: params.page, pages })}
          currentUserId={currentUserId}
          onAction={onAction}
          reactivatingId={reactivate.isPending ? reactivate.variables : undefined}
        />
      )}

      {data && data.total > 0 && (
        <Group justify="space-between" wrap="wrap">
          <NativeSelect
            label={t('users.pageSize')}
            value={String(params.pageSize)}
            onChange={(event) => update({ pageSize: Number(event.currentTarget.value), page: 1 })}
            data={PageSizes.map((size) => String(size))}
            w={140}
          />
          <nav aria-label={t('users.pagination')}>
            <Pagination
              total={pages}
              value={Math.min(params.page, pages)}
              onChange={(page) => update({ page })}
              getItemProps={(page) => ({ 'aria-label': t('users.page', { page }) })}
              getControlProps={(control) => ({ 'aria-label': t(controlLabels[control]) })}
              hideWithOnePage
            />
          </nav>
        </Group>
      )}

      <DeactivateUserModal user={dialogUser('deactivate')} onClose={closeDialog} />
      <ChangeRolesModal user={dialogUser('changeRoles')} onClose={closeDialog} />
      <ResetPasswordModal user={dialogUser('resetPassword')} onClose={closeDialog} />
    </Stack>
  );
};

const controlLabels = {
  first: 'users.firstPage',
  previous: 'users.previousPage',
  next: 'users.nextPage',
  last: 'users.lastPage',
} as const;
