// Addresses of record pages, for links from anywhere (lists, the audit trail, …).

export const partnerPath = (id: string): string => `/partners/${encodeURIComponent(id)}`;

/** The tabs of a partner's page (`?tab=`; the profile is the default and is left out). */
export const PartnerTab = {
  Profile: 'profile',
  Contacts: 'contacts',
  DueDiligence: 'due-diligence',
  Agreements: 'agreements',
  Reports: 'reports',
  Timeline: 'timeline',
  History: 'history',
} as const;
export type PartnerTab = (typeof PartnerTab)[keyof typeof PartnerTab];

/** A tab of a partner's page, as a link target. */
export const partnerTabPath = (id: string, tab: PartnerTab): { pathname: string; search: string } => ({
  pathname: partnerPath(id),
  search: tab === PartnerTab.Profile ? '' : `?tab=${tab}`,
});

/** The checks that have expired or expire soon, across all partners (in the Partners area). */
export const expiringChecksPath = '/partners/expiring-checks';

export const agreementPath = (id: string): string => `/agreements/${encodeURIComponent(id)}`;

/** The tabs of an agreement's page (`?tab=`; the summary is the default and is left out). */
export const AgreementTab = {
  Summary: 'summary',
  Money: 'money',
  Allocations: 'allocations',
  Amendments: 'amendments',
  Obligations: 'obligations',
  Projects: 'projects',
  History: 'history',
} as const;
export type AgreementTab = (typeof AgreementTab)[keyof typeof AgreementTab];

/** A tab of an agreement's page, as a link target. */
export const agreementTabPath = (id: string, tab: AgreementTab): { pathname: string; search: string } => ({
  pathname: agreementPath(id),
  search: tab === AgreementTab.Summary ? '' : `?tab=${tab}`,
});

const recordPaths: Readonly<Record<string, (id: string) => string>> = {
  partner: partnerPath,
  agreement: agreementPath,
};

/** The page of an audited record, when the admin has one for its kind. */
export const recordPath = (entityType: string, id: string): string | undefined =>
  recordPaths[entityType]?.(id);
