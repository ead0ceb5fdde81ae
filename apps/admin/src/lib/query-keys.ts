// Query-key roots that one feature invalidates on behalf of another (features do not import each
// other): registering a partner changes the agreements' partner options, via the partner event.
export const partnerOptionsKeyRoot = ['agreements', 'partner-options'] as const;

// Partner records and lists: due diligence changes a partner's status (blocked or not).
export const partnerKeyRoot = ['partners'] as const;

// A partner's checks and flags, and the checks expiring soon: a new category changes the mandatory checks.
export const dueDiligenceKeyRoot = ['due-diligence'] as const;

// Every change to a record adds to the audit trail (and to that record's history).
export const auditKeyRoot = ['audit'] as const;

// Colleagues as every signed-in user may see them (pickers, names instead of ids).
export const staffKeyRoot = ['staff'] as const;

// Reports due (results-service): obligations set on an agreement move them.
export const reportKeyRoot = ['reports'] as const;
