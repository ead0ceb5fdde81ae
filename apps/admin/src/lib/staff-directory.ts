import { StaffListSchema, type Role, type StaffList, type StaffMember } from '@pardev/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n/i18n';
import { apiRequest } from './api-client';
import { staffKeyRoot } from './query-keys';

// The staff directory is shared by every feature (pickers, names instead of ids), so it lives here
// rather than in a feature (features do not import each other).

export const staffKeys = {
  all: staffKeyRoot,
  list: (role: Role | undefined) => [...staffKeyRoot, role ?? 'all'] as const,
};

export const getStaff = (role: Role | undefined, signal?: AbortSignal) =>
  apiRequest('/api/v1/staff', { query: { role }, schema: StaffListSchema, signal });

export const staffQueryOptions = (role?: Role) =>
  queryOptions({
    queryKey: staffKeys.list(role),
    queryFn: ({ signal }) => getStaff(role, signal),
    // Colleagues change rarely; a picker or a name need not wait for a refetch.
    staleTime: 5 * 60_000,
  });

/** Active colleagues (with `role`, when given), sorted by name in the reader's language. */
export const useStaff = (role?: Role) => {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const byName = useCallback(
    ({ items }: StaffList): StaffMember[] => {
      const collator = new Intl.Collator(language, { sensitivity: 'base' });
      return [...items].sort((a, b) => collator.compare(a.displayName, b.displayName));
    },
    [language],
  );
  return useQuery({ ...staffQueryOptions(role), select: byName });
};

/** A short, still recognisable form of an id, for someone the directory does not know. */
export const shortId = (id: string): string => id.slice(0, 8);

export interface StaffNames {
  /** The colleague's name; for someone not (or no longer) in the directory, a label with a short id. */
  nameOf: (id: string) => string;
  /** True until the directory has answered (or failed): names may still be ids then. */
  isLoading: boolean;
}

/** Names of colleagues by id, from the staff directory. */
export const useStaffNames = (): StaffNames => {
  const { t } = useTranslation();
  const { data, isPending } = useQuery(staffQueryOptions());
  const byId = useMemo(
    () => new Map<string, StaffMember>((data?.items ?? []).map((member) => [member.id, member])),
    [data],
  );
  const nameOf = useCallback(
    (id: string) => byId.get(id)?.displayName ?? t('staff.unknown', { id: shortId(id) }),
    [byId, t],
  );
  return { nameOf, isLoading: isPending };
};

/** Select options of colleagues, keeping a chosen id the directory no longer lists readable. */
export const staffOptions = (
  members: readonly StaffMember[],
  nameOf: (id: string) => string,
  chosen: readonly (string | null)[] = [],
): { value: string; label: string }[] => {
  const options = members.map((member) => ({ value: member.id, label: member.displayName }));
  const missing = chosen.filter(
    (id): id is string => id !== null && !members.some((member) => member.id === id),
  );
  return [...options, ...missing.map((id) => ({ value: id, label: nameOf(id) }))];
};
