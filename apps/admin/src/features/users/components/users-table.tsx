import type { User } from '@pardev/contracts';
import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { roleLabelKey } from '../../../lib/reference-labels';
import { DataTable } from '../../../components/data-table';
import { SkeletonRows } from '../../../components/skeleton-rows';

const SkeletonRowCount = 5;
const Columns = 5;

export type UserAction = 'deactivate' | 'reactivate' | 'changeRoles' | 'resetPassword';

interface UsersTableProps {
  users: readonly User[] | undefined;
  caption: string;
  busy: boolean;
  /** The signed-in admin: their own account cannot be deactivated. */
  currentUserId: string;
  onAction: (action: UserAction, user: User) => void;
  /** The user whose reactivation is in flight. */
  reactivatingId?: string | undefined;
}

export const UsersTable = ({
  users,
  caption,
  busy,
  currentUserId,
  onAction,
  reactivatingId,
}: UsersTableProps) => {
  const { t } = useTranslation();

  return (
    <DataTable caption={caption} busy={busy} minWidth={860} testId="users-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('users.fields.displayName')}</Table.Th>
          <Table.Th scope="col">{t('users.fields.email')}</Table.Th>
          <Table.Th scope="col">{t('users.fields.roles')}</Table.Th>
          <Table.Th scope="col">{t('users.fields.status')}</Table.Th>
          <Table.Th scope="col">{t('users.fields.actions')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {users ? (
          users.map((user) => {
            const name = user.displayName;
            const isSelf = user.id === currentUserId;
            return (
              <Table.Tr key={user.id}>
                <Table.Th scope="row" fw={500}>
                  {name}
                  {isSelf && (
                    <Text span c="dimmed" size="sm">
                      {' '}
                      {t('users.you')}
                    </Text>
                  )}
                </Table.Th>
                <Table.Td>{user.email}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {user.roles.map((role) => (
                      <Badge key={role} variant="light" color="blue" tt="none">
                        {t(roleLabelKey(role))}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Badge variant="outline" color={user.active ? 'green' : 'gray'} tt="none">
                    {user.active ? t('users.status.active') : t('users.status.deactivated')}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Button
                      size="compact-sm"
                      variant="default"
                      aria-label={t('users.actions.changeRolesOf', { name })}
                      onClick={() => onAction('changeRoles', user)}
                    >
                      {t('users.actions.changeRoles')}
                    </Button>
                    <Button
                      size="compact-sm"
                      variant="default"
                      aria-label={t('users.actions.resetPasswordOf', { name })}
                      onClick={() => onAction('resetPassword', user)}
                    >
                      {t('users.actions.resetPassword')}
                    </Button>
                    {user.active ? (
                      !isSelf && (
                        <Button
                          size="compact-sm"
                          variant="light"
                          color="red"
                          aria-label={t('users.actions.deactivateOf', { name })}
                          onClick={() => onAction('deactivate', user)}
                        >
                          {t('users.actions.deactivate')}
                        </Button>
                      )
                    ) : (
                      <Button
                        size="compact-sm"
                        variant="light"
                        aria-label={t('users.actions.reactivateOf', { name })}
                        loading={reactivatingId === user.id}
                        onClick={() => onAction('reactivate', user)}
                      >
                        {t('users.actions.reactivate')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })
        ) : (
          <SkeletonRows rows={SkeletonRowCount} columns={Columns} testId="users-skeleton-row" />
        )}
      </Table.Tbody>
    </DataTable>
  );
};
