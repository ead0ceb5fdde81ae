import { Roles, type Role } from '@pardev/contracts';
import type { TFunction } from 'i18next';

export const roleLabelKey = (role: Role) => `users.role.${role}` as const;

/** The roles as MultiSelect options, labelled in the current language. */
export const roleOptions = (t: TFunction) =>
  Roles.map((role) => ({ value: role, label: t(roleLabelKey(role)) }));
