import type { Role } from '@pardev/contracts';

/** Whether someone holding `roles` has one of the `allowed` roles (a contract's role list). */
export const hasAnyRole = (roles: readonly string[], allowed: readonly Role[]): boolean =>
  allowed.some((role) => roles.includes(role));
