import type { Role } from '@pardev/contracts';
import type { ParseKeys } from 'i18next';

export interface NavItem {
  key: string;
  label: Extract<ParseKeys, `nav.${string}`>;
  /** Route of a live section; absent while the section is still being built. */
  to?: string;
  /** Roles that may use the section; absent means every signed-in role. */
  roles?: readonly Role[];
}

// UX.md order. Only Partners and Administration are live; the rest are listed so people see where things will be.
export const navItems: readonly NavItem[] = [
  { key: 'dashboard', label: 'nav.dashboard' },
  { key: 'partners', label: 'nav.partners', to: '/partners' },
  { key: 'agreements', label: 'nav.agreements' },
  { key: 'projects', label: 'nav.projects' },
  { key: 'reports', label: 'nav.reports' },
  { key: 'results', label: 'nav.results' },
  { key: 'transparency', label: 'nav.transparency' },
  { key: 'administration', label: 'nav.administration', to: '/administration/users', roles: ['admin'] },
];

/** Items a role cannot use are not shown (UX.md). */
export const navItemsFor = (roles: readonly Role[]): NavItem[] =>
  navItems.filter((item) => !item.roles || item.roles.some((role) => roles.includes(role)));
