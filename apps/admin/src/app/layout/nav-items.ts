import { AuditReaderRoles, FinanceRoles, type Role } from '@pardev/contracts';
import type { ParseKeys } from 'i18next';

export interface NavItem {
  key: string;
  label: Extract<ParseKeys, `nav.${string}`>;
  /** Route of a live section (of a group: its first page the role may use); absent while being built. */
  to?: string;
  /** Roles that may use the section; absent means every signed-in role (a group: any of its pages). */
  roles?: readonly Role[];
  /** The pages of a group, such as Administration. */
  children?: readonly NavItem[];
}

// UX.md order. Partners, Agreements and Administration are live; the rest are listed so people see where things will be.
export const navItems: readonly NavItem[] = [
  { key: 'dashboard', label: 'nav.dashboard' },
  { key: 'partners', label: 'nav.partners', to: '/partners' },
  { key: 'agreements', label: 'nav.agreements', to: '/agreements' },
  { key: 'projects', label: 'nav.projects' },
  { key: 'reports', label: 'nav.reports' },
  { key: 'results', label: 'nav.results' },
  { key: 'transparency', label: 'nav.transparency' },
  {
    key: 'administration',
    label: 'nav.administration',
    children: [
      { key: 'users', label: 'nav.users', to: '/administration/users', roles: ['admin'] },
      { key: 'audit', label: 'nav.audit', to: '/administration/audit', roles: AuditReaderRoles },
      {
        key: 'currencyRates',
        label: 'nav.currencyRates',
        to: '/administration/currency-rates',
        roles: FinanceRoles,
      },
    ],
  },
];

const allows = (item: NavItem, roles: readonly Role[]): boolean =>
  !item.roles || item.roles.some((role) => roles.includes(role));

/**
 * Items a role cannot use are not shown (UX.md): a group keeps the pages the role may use, leads
 * to the first of them, and disappears when none is left.
 */
export const navItemsFor = (roles: readonly Role[]): NavItem[] =>
  navItems.flatMap((item) => {
    if (!item.children) return allows(item, roles) ? [item] : [];
    const children = item.children.filter((child) => allows(child, roles));
    const first = children[0];
    return first ? [{ ...item, to: first.to, children }] : [];
  });
