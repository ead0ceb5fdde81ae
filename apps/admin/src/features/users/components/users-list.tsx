import { ListUsersQuerySchema, type User } from '@pardev/contracts';
import { Button, EmptyState, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ListPagination } from '../../../components/list-pagination';
import { QueryErrorAlert } from '../../../components/query-error-alert';
import { SearchInput } from '../../../components/search-input';
import { apiErrorMessageKey } from '../../../lib/api-error-message';
import { readListParams, writeListParams, type ListParams } from '../../../lib/list-params';
import { useDebouncedUrlText } from '../../../lib/use-debounced-url-text';
import { useUsers } from '../api/get-users';
import { useReactivateUser } from '../api/reactivate-user';
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

  const search = useDebouncedUrlText(params.q, (q) => update({ q, page: 1 }, true));

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
        <SearchInput
          label={t('users.search')}
          placeholder={t('users.searchPlaceholder')}
          clearLabel={t('users.clearSearch')}
          value={search.text}
          onChange={search.change}
          onClear={search.clear}
        />
        {data && (
          <Text size="sm" c="dimmed" role="status" data-testid="users-total">
            {t('users.total', { count: data.total })}
          </Text>
        )}
      </Group>

      {users.isError && (
        <QueryErrorAlert
          title={t('users.loadError')}
          error={users.error}
          onRetry={() => void users.refetch()}
        />
      )}

      {isEmpty && data.total === 0 && (
        <EmptyState
          title={params.q ? t('users.noMatch.title', { query: params.q }) : t('users.empty')}
          description={params.q ? t('users.noMatch.description') : undefined}
        >
          {params.q && (
            <Button variant="default" onClick={search.clear}>
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
        <ListPagination
          page={params.page}
          pages={pages}
          pageSize={params.pageSize}
          label={t('users.pagination')}
          onChange={update}
        />
      )}

      <DeactivateUserModal user={dialogUser('deactivate')} onClose={closeDialog} />
      <ChangeRolesModal user={dialogUser('changeRoles')} onClose={closeDialog} />
      <ResetPasswordModal user={dialogUser('resetPassword')} onClose={closeDialog} />
    </Stack>
  );
};
