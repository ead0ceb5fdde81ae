import type { SessionUser, User } from '@pardev/contracts';
import { knownRoles } from './identity.rules';
import type { UserEntity } from './user.entity';

export const toSessionUser = (user: UserEntity): SessionUser => ({
  id: user.id,
  email: user.email,
  displayName: user.displayName,
  roles: knownRoles(user.roles),
});

export const toUser = (user: UserEntity): User => ({
  ...toSessionUser(user),
  active: user.active,
  createdAt: user.createdAt.toISOString(),
});

/** What the audit trail compares on an account; the password only as "changed", never a value. */
export const auditedUserFields = (user: UserEntity) => ({
  email: user.email,
  displayName: user.displayName,
  roles: user.roles,
  active: user.active,
});
