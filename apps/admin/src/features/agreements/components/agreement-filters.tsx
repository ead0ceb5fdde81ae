import {
  AgreementSorts,
  AgreementStatuses,
  ListAgreementsQuerySchema,
  type AgreementStatus,
} from '@pardev/contracts';
import { FundingSources, IloRegions, PbOutcomes } from '@pardev/reference-data';
import { Button, Group, Select, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { currentLanguage } from '../../../i18n/i18n';
import { countryOptions } from '../../../lib/countries';
import type { FilterValues } from '../../../lib/list-params';
import { regionLabelKey } from '../../../lib/reference-labels';
import { staffOptions, useStaff, useStaffNames } from '../../../lib/staff-directory';
import { useDebouncedUrlText } from '../../../lib/use-debounced-url-text';
import { usePartnerOptions } from '../api/get-partner-options';

const { shape } = ListAgreementsQuerySchema;
// Whole dollars, as the URL holds them (the contract coerces them to numbers).
const WholeUsd = z
  .string()
  .regex(/^\d{1,15}$/)
  .optional();

/** The agreements list's filters and order as they live in the URL, each read with its contract field. */
export const agreementFilterSchemas = {
  partnerId: shape.partnerId,
  fundingSource: shape.fundingSource,
  status: shape.status,
  country: shape.country,
  region: shape.region,
  pbOutcome: shape.pbOutcome,
  officerId: shape.officerId,
  from: shape.from,
  to: shape.to,
  minUsd: WholeUsd,
  maxUsd: WholeUsd,
  sort: shape.sort.optional(),
};
export type AgreementFilters = FilterValues<typeof agreementFilterSchemas>;

export const barFilters = [
  'partnerId',
  'fundingSource',
  'status',
  'country',
  'region',
  'pbOutcome',
  'officerId',
  'from',
  'to',
  'minUsd',
  'maxUsd',
] as const;

export const DefaultSort = shape.sort.parse(undefined);

export const hasBarFilter = (filters: AgreementFilters): boolean =>
  barFilters.some((key) => filters[key] !== undefined);

type FilterChanges = Partial<Record<keyof AgreementFilters, string>>;

const PartnerFilter = ({ value, onChange }: { value: string | undefined; onChange: (v: string) => void }) => {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const options = usePartnerOptions({ q: search || undefined, page: 1, pageSize: 50 });
  const data = (options.data?.items ?? []).map((partner) => ({
    value: partner.id,
    label: partner.acronym ? `${partner.name} (${partner.acronym})` : partner.name,
  }));
  if (value && !data.some((option) => option.value === value)) {
    data.push({ value, label: t('agreements.filters.chosenPartner') });
  }
  const label = t('agreements.fields.partners');
  return (
    <Select
      size="xs"
      w={200}
      label={label}
      placeholder={t('agreements.filters.any')}
      data={data}
      value={value ?? null}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      onChange={(next) => onChange(next ?? '')}
      clearable
      clearButtonProps={{ 'aria-label': t('agreements.filters.clearOne', { filter: label }) }}
      comboboxProps={{ withinPortal: true }}
    />
  );
};

interface AgreementFiltersBarProps {
  filters: AgreementFilters;
  onChange: (changes: FilterChanges) => void;
}

/** Compact filters of the agreements list: each is a URL parameter, so a view can be shared. */
export const AgreementFiltersBar = ({ filters, onChange }: AgreementFiltersBarProps) => {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const countries = useMemo(() => countryOptions(language), [language]);
  const officers = useStaff('officer');
  const { nameOf } = useStaffNames();
  const minUsd = useDebouncedUrlText(filters.minUsd ?? '', (value) => onChange({ minUsd: digits(value) }));
  const maxUsd = useDebouncedUrlText(filters.maxUsd ?? '', (value) => onChange({ maxUsd: digits(value) }));

  const select = (
    key: 'fundingSource' | 'status' | 'country' | 'region' | 'pbOutcome' | 'officerId',
    label: string,
    data: { value: string; label: string }[],
    searchable = false,
  ) => (
    <Select
      key={key}
      size="xs"
      w={170}
      label={label}
      placeholder={t('agreements.filters.any')}
      data={data}
      value={filters[key] ?? null}
      onChange={(value) => onChange({ [key]: value ?? '' })}
      searchable={searchable}
      clearable
      clearButtonProps={{ 'aria-label': t('agreements.filters.clearOne', { filter: label }) }}
      comboboxProps={{ withinPortal: true }}
    />
  );

  const dateInput = (key: 'from' | 'to', label: string) => (
    <TextInput
      key={key}
      size="xs"
      w={140}
      type="date"
      label={label}
      value={filters[key] ?? ''}
      onChange={(event) => onChange({ [key]: event.currentTarget.value })}
    />
  );

  return (
    <Group gap="xs" align="flex-end" wrap="wrap" role="group" aria-label={t('agreements.filters.label')}>
      <PartnerFilter value={filters.partnerId} onChange={(partnerId) => onChange({ partnerId })} />
      {select(
        'status',
        t('agreements.fields.status'),
        AgreementStatuses.map((value: AgreementStatus) => ({
          value,
          label: t(`agreements.status.${value}`),
        })),
      )}
      {select(
        'fundingSource',
        t('agreements.fields.fundingSource'),
        FundingSources.map((value) => ({ value, label: t(`agreements.fundingSource.${value}`) })),
      )}
      {select('country', t('agreements.filters.country'), countries, true)}
      {select(
        'region',
        t('agreements.filters.region'),
        IloRegions.map((value) => ({ value, label: t(regionLabelKey(value)) })),
      )}
      {select(
        'pbOutcome',
        t('agreements.fields.pbOutcomes'),
        PbOutcomes.map(({ code }) => ({
          value: code,
          label: `${code} · ${t(`agreements.pbOutcome.${code}`)}`,
        })),
        true,
      )}
      {select(
        'officerId',
        t('agreements.fields.responsibleOfficer'),
        staffOptions(officers.data ?? [], nameOf, [filters.officerId ?? null]),
        true,
      )}
      {dateInput('from', t('agreements.filters.from'))}
      {dateInput('to', t('agreements.filters.to'))}
      <TextInput
        size="xs"
        w={120}
        inputMode="numeric"
        label={t('agreements.filters.minUsd')}
        value={minUsd.text}
        onChange={(event) => minUsd.change(event.currentTarget.value)}
      />
      <TextInput
        size="xs"
        w={120}
        inputMode="numeric"
        label={t('agreements.filters.maxUsd')}
        value={maxUsd.text}
        onChange={(event) => maxUsd.change(event.currentTarget.value)}
      />
      <Select
        size="xs"
        w={200}
        label={t('agreements.sort.label')}
        data={AgreementSorts.map((value) => ({ value, label: t(`agreements.sort.${value}`) }))}
        value={filters.sort ?? DefaultSort}
        allowDeselect={false}
        onChange={(value) => onChange({ sort: value === null || value === DefaultSort ? '' : value })}
        comboboxProps={{ withinPortal: true }}
      />
      {hasBarFilter(filters) && (
        <Button
          size="xs"
          variant="subtle"
          onClick={() => {
            minUsd.clear();
            maxUsd.clear();
            onChange(Object.fromEntries(barFilters.map((key) => [key, ''])));
          }}
        >
          {t('agreements.filters.clear')}
        </Button>
      )}
    </Group>
  );
};

const digits = (value: string): string => value.replace(/[^\d]/g, '');
