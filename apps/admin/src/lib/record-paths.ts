// Addresses of record pages, for links from anywhere (lists, the audit trail, …).

export const partnerPath = (id: string): string => `/partners/${encodeURIComponent(id)}`;

const recordPaths: Readonly<Record<string, (id: string) => string>> = {
  partner: partnerPath,
};

/** The page of an audited record, when the admin has one for its kind. */
export const recordPath = (entityType: string, id: string): string | undefined =>
  recordPaths[entityType]?.(id);
