// Query-key roots that one feature invalidates on behalf of another (features do not import each
// other): registering a partner changes the agreements' partner options, via the partner event.
export const partnerOptionsKeyRoot = ['agreements', 'partner-options'] as const;
