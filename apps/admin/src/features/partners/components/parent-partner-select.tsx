import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { clearButtonProps } from '../../../lib/clear-button';
import { SearchDebounceMs } from '../../../lib/list-params';
import { partnerQueryOptions } from '../api/get-partner';
import { partnersQueryOptions } from '../api/get-partners';

interface ParentPartnerSelectProps {
  value: string | null;
  onChange: (value: string | null) => void;
  /** The partner being edited: it cannot be its own parent. */
  exceptId?: string | undefined;
  error?: ReactNode;
  onBlur?: () => void;
}

/** Picks the parent organisation among the registered partners, searched on the server. */
export const ParentPartnerSelect = ({
  value,
  onChange,
  exceptId,
  error,
  onBlur,
}: ParentPartnerSelectProps) => {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), SearchDebounceMs);
  // Partners are looked up once the list is opened or the user types, not for every form shown.
  const [opened, setOpened] = useState(false);
  const found = useQuery({
    ...partnersQueryOptions({ q: q || undefined, page: 1, pageSize: 20, sort: 'name' }),
    enabled: opened || q !== '',
  });
  // The chosen parent is named even when the search does not list it.
  const chosen = useQuery({ ...partnerQueryOptions(value ?? ''), enabled: value !== null });

  const options = new Map<string, string>();
  if (value !== null) options.set(value, chosen.data?.name ?? value);
  for (const partner of found.data?.items ?? []) {
    if (partner.id !== exceptId) options.set(partner.id, partner.name);
  }

  return (
    <Select
      label={t('partners.fields.parentPartner')}
      placeholder={t('partners.create.parentPlaceholder')}
      data={[...options].map(([id, name]) => ({ value: id, label: name }))}
      value={value}
      onChange={onChange}
      onBlur={onBlur}
      error={error}
      onDropdownOpen={() => setOpened(true)}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server has already filtered the options.
      filter={({ options: all }) => all}
      clearable
      clearButtonProps={clearButtonProps(t('partners.create.clearParent'))}
      nothingFoundMessage={t('partners.create.noParent')}
    />
  );
};
