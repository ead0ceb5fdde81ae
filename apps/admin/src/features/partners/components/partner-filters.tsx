import {
  FlagLevels,
  ListPartnersQuerySchema,
  PartnerCategorySchema,
  PartnerSorts,
  PartnerStatuses,
} from '@pardev/contracts';
import { IloRegions } from '@pardev/reference-data';
import { Button, Group, Select, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n/i18n';
import { countryOptions } from '../../../lib/countries';
import type { FilterValues } from '../../../lib/list-params';
import {
  flagLevelLabelKey,
  organisationTypeOptions,
  partnerCategoryLabelKey,
  partnerStatusLabelKey,
  regionLabelKey,
} from '../../../lib/reference-labels';
import { useDebouncedUrlText } from '../../../lib/use-debounced-url-text';

const { shape } = ListPartnersQuerySchema;

/** The partners list's filters and order as they live in the URL, each read with its contract field. */
export const partnerFilterSchemas = {
  assignedTo: shape.assignedTo,
  category: shape.category,
  organisationType: shape.organisationType,
  country: shape.country,
  region: shape.region,
  status: shape.status,
  flagLevel: shape.flagLevel,
  tag: shape.tag,
  sort: shape.sort,
};
export type PartnerFilters = FilterValues<typeof partnerFilterSchemas>;

/** The filters of the bar ("Clear filters" clears these; the assignment has its own control). */
export const barFilters = [
  'category',
  'organisationType',
  'country',
  'region',
  'status',
  'flagLevel',
  'tag',
] as const;

export const DefaultSort = shape.sort.parse(undefined);

export const hasBarFilter = (filters: PartnerFilters): boolean =>
  barFilters.some((key) => filters[key] !== undefined);

interface PartnerFiltersBarProps {
  filters: PartnerFilters;
  /** Changes to the URL: '' removes a filter. */
  onChange: (changes: Partial<Record<keyof PartnerFilters, string>>) => void;
}

/** Compact filters of the partners list: each is a URL parameter, so a view can be shared. */
export const PartnerFiltersBar = ({ filters, onChange }: PartnerFiltersBarProps) => {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const organisationTypes = useMemo(() => organisationTypeOptions(language), [language]);
  const countries = useMemo(() => countryOptions(language), [language]);
  const tag = useDebouncedUrlText(filters.tag ?? '', (value) => onChange({ tag: value.toLowerCase() }));

  const select = (
    key: Exclude<(typeof barFilters)[number], 'tag'>,
    label: string,
    data: { value: string; label: string }[],
    searchable = false,
  ) => (
    <Select
      key={key}
      size="xs"
      w={170}
      label={label}
      placeholder={t('partners.filters.any')}
      data={data}
      value={filters[key] ?? null}
      onChange={(value) => onChange({ [key]: value ?? '' })}
      searchable={searchable}
      clearable
      clearButtonProps={{ 'aria-label': t('partners.filters.clearOne', { filter: label }) }}
      comboboxProps={{ withinPortal: true }}
    />
  );

  return (
    <Group gap="xs" align="flex-end" wrap="wrap" role="group" aria-label={t('partners.filters.label')}>
      {select(
        'category',
        t('partners.fields.category'),
        PartnerCategorySchema.options.map((value) => ({ value, label: t(partnerCategoryLabelKey(value)) })),
      )}
      {select('organisationType', t('partners.fields.organisationType'), organisationTypes)}
      {select('country', t('partners.fields.country'), countries, true)}
      {select(
        'region',
        t('partners.fields.region'),
        IloRegions.map((value) => ({ value, label: t(regionLabelKey(value)) })),
      )}
      {select(
        'status',
        t('partners.fields.status'),
        PartnerStatuses.map((value) => ({ value, label: t(partnerStatusLabelKey(value)) })),
      )}
      {select(
        'flagLevel',
        t('partners.filters.flagLevel'),
        FlagLevels.map((value) => ({ value, label: t(flagLevelLabelKey(value)) })),
      )}
      <TextInput
        size="xs"
        w={130}
        label={t('partners.fields.tags')}
        placeholder={t('partners.filters.any')}
        value={tag.text}
        onChange={(event) => tag.change(event.currentTarget.value)}
      />
      <Select
        size="xs"
        w={190}
        label={t('partners.sort.label')}
        data={PartnerSorts.map((value) => ({ value, label: t(`partners.sort.${value}`) }))}
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
            tag.clear();
            onChange(Object.fromEntries(barFilters.map((key) => [key, ''])));
          }}
        >
          {t('partners.filters.clear')}
        </Button>
      )}
    </Group>
  );
};
