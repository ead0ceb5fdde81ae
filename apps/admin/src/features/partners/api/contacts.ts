import { ContactListSchema, type ContactBody, type ContactList } from '@pardev/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { auditKeyRoot } from '../../../lib/query-keys';
import { partnerKeys } from './partner-keys';

export const contactKeys = {
  of: (partnerId: string) => [...partnerKeys.all, 'contacts', partnerId] as const,
};

const contactsPath = (partnerId: string) => `/api/v1/partners/${encodeURIComponent(partnerId)}/contacts`;
const contactPath = (partnerId: string, contactId: string) =>
  `${contactsPath(partnerId)}/${encodeURIComponent(contactId)}`;

export const contactsQueryOptions = (partnerId: string) =>
  queryOptions({
    queryKey: contactKeys.of(partnerId),
    queryFn: ({ signal }) => apiRequest(contactsPath(partnerId), { schema: ContactListSchema, signal }),
  });

export const useContacts = (partnerId: string) => useQuery(contactsQueryOptions(partnerId));

export interface SaveContactInput {
  partnerId: string;
  /** Absent: a new contact. */
  contactId?: string | undefined;
  body: ContactBody;
}

export interface RemoveContactInput {
  partnerId: string;
  contactId: string;
}

/**
 * Every change answers with the partner's contacts (a new focal point takes the role from the
 * previous one); the partner's history and the lists (searched by contact) are fetched again.
 */
const contactsChanged = async (queryClient: QueryClient, partnerId: string, contacts: ContactList) => {
  queryClient.setQueryData(contactKeys.of(partnerId), contacts);
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: auditKeyRoot }),
    queryClient.invalidateQueries({ queryKey: partnerKeys.lists() }),
  ]);
};

export const useSaveContact = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ partnerId, contactId, body }: SaveContactInput) =>
      apiRequest(contactId ? contactPath(partnerId, contactId) : contactsPath(partnerId), {
        method: contactId ? 'PUT' : 'POST',
        body,
        schema: ContactListSchema,
      }),
    onSuccess: (contacts, { partnerId }) => contactsChanged(queryClient, partnerId, contacts),
  });
};

export const useRemoveContact = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ partnerId, contactId }: RemoveContactInput) =>
      apiRequest(contactPath(partnerId, contactId), { method: 'DELETE', schema: ContactListSchema }),
    onSuccess: (contacts, { partnerId }) => contactsChanged(queryClient, partnerId, contacts),
  });
};
