import type { Actor, SessionUser } from '@pardev/contracts';

/** The signed-in user as the contracts' access rules (canChangePartner, …) expect them. */
export const actorFrom = (user: Pick<SessionUser, 'id' | 'roles'>): Actor => ({
  userId: user.id,
  roles: user.roles,
});
