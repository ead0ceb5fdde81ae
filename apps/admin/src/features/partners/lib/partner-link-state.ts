/** Router state of a link from the list to a partner: the list's view, to lead back to it. */
export interface PartnerLinkState {
  listSearch: string;
}

/** The list view a partner page was opened from ('' when opened otherwise). */
export const listSearchFrom = (state: unknown): string => {
  const listSearch = (state as Partial<PartnerLinkState> | null)?.listSearch;
  return typeof listSearch === 'string' ? listSearch : '';
};
