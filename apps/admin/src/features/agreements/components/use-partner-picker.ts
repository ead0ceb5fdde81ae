import type { PartnerOption } from '@pardev/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePartnerOptions } from '../api/get-partner-options';

/**
 * The partner picker of the agreement flow: options found by the search typed, blocked partners
 * listed but not selectable (and saying why), and the names of partners chosen earlier kept.
 */
export const usePartnerPicker = (partnerIds: readonly string[], knownPartners: readonly PartnerOption[]) => {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const partnerOptions = usePartnerOptions({ q: search || undefined, page: 1, pageSize: 50 });
  const [known, setKnown] = useState<Map<string, PartnerOption>>(
    () => new Map(knownPartners.map((partner) => [partner.id, partner])),
  );

  const options = partnerOptions.data?.items ?? [];
  const remember = (items: readonly PartnerOption[]) => {
    const missing = items.filter((item) => !known.has(item.id));
    if (missing.length > 0)
      setKnown((current) => new Map([...current, ...missing.map((m) => [m.id, m] as const)]));
  };
  if (options.some((option) => !known.has(option.id))) remember(options);
  const partnerLabel = (option: PartnerOption) =>
    option.blockedForNewAgreements
      ? t('agreements.create.blockedOption', {
          name: option.acronym ? `${option.name} (${option.acronym})` : option.name,
        })
      : option.acronym
        ? `${option.name} (${option.acronym})`
        : option.name;
  const data = [
    ...options.map((option) => ({
      value: option.id,
      label: partnerLabel(option),
      disabled: option.blockedForNewAgreements,
    })),
    ...partnerIds
      .filter((id) => !options.some((option) => option.id === id))
      .map((id) => ({ value: id, label: known.get(id)?.name ?? id })),
  ];

  return {
    search,
    setSearch,
    data,
    /** The blocked partners among the options shown. */
    blocked: options.filter((option) => option.blockedForNewAgreements),
    nameOf: (id: string) => known.get(id)?.name ?? id,
  };
};

export type PartnerPicker = ReturnType<typeof usePartnerPicker>;
