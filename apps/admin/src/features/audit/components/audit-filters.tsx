import { Button, Group, Paper, Select, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { clearButtonProps } from '../../../lib/clear-button';
import { staffOptions, useStaff, useStaffNames } from '../../../lib/staff-directory';
import { useDebouncedUrlText } from '../../../lib/use-debounced-url-text';
import type { AuditFilters as Filters } from '../api/audit-keys';
import { AuditActions, AuditEntityTypes, actionGroupOf, useAuditLabels } from './audit-labels';

export type FilterName = keyof Filters;

interface AuditFiltersProps {
  filters: Filters;
  /** Errors beside the filters (dates in the wrong order). */
  errors: Partial<Record<FilterName, ReactNode>>;
  /** An empty value removes the filter; `replace` for changes made while typing. */
  onChange: (changes: Partial<Record<FilterName, string>>, replace?: boolean) => void;
  onClear: () => void;
}

/** The change that removes every filter. */
export const noFilters: Readonly<Record<FilterName, string>> = {
  actorId: '',
  entityType: '',
  entityId: '',
  action: '',
  from: '',
  to: '',
};

/** Offers the current value even when it is not (or no longer) one of the options. */
const withCurrent = (options: { value: string; label: string }[], current: string | undefined) =>
  current && !options.some((option) => option.value === current)
    ? [...options, { value: current, label: current }]
    : options;

export const AuditFilters = ({ filters, errors, onChange, onClear }: AuditFiltersProps) => {
  const { t } = useTranslation();
  const labels = useAuditLabels();
  const staff = useStaff();
  const { nameOf } = useStaffNames();
  const entityId = useDebouncedUrlText(filters.entityId ?? '', (value) =>
    onChange({ entityId: value }, true),
  );

  const users = staffOptions(staff.data ?? [], nameOf, [filters.actorId ?? null]);
  const entityTypes = withCurrent(
    AuditEntityTypes.map((type) => ({ value: type, label: labels.entityType(type) })),
    filters.entityType,
  );
  const groups = [...new Set(AuditActions.map(actionGroupOf))];
  const actions = [
    ...groups.map((group) => ({
      group: labels.actionGroup(group),
      items: AuditActions.filter((action) => actionGroupOf(action) === group).map((action) => ({
        value: action,
        label: labels.action(action),
      })),
    })),
    ...(filters.action && !(AuditActions as readonly string[]).includes(filters.action)
      ? [{ group: t('audit.actionGroup.other'), items: [{ value: filters.action, label: filters.action }] }]
      : []),
  ];
  const hasFilters = Object.values(filters).some(Boolean);
  const clearAll = () => {
    entityId.clear();
    onClear();
  };
  const choose = (name: FilterName) => (value: string | null) => onChange({ [name]: value ?? '' });

  return (
    <Paper withBorder p="md" component="section" aria-label={t('audit.filters.label')}>
      <Group align="flex-start" gap="md" wrap="wrap">
        <Select
          label={t('audit.filters.user')}
          placeholder={t('audit.filters.anyUser')}
          data={users}
          value={filters.actorId ?? null}
          onChange={choose('actorId')}
          searchable
          clearable
          nothingFoundMessage={t('audit.filters.noUser')}
          clearButtonProps={clearButtonProps(t('audit.filters.clearUser'))}
          w={220}
        />
        <Select
          label={t('audit.filters.action')}
          placeholder={t('audit.filters.anyAction')}
          data={actions}
          value={filters.action ?? null}
          onChange={choose('action')}
          searchable
          clearable
          clearButtonProps={clearButtonProps(t('audit.filters.clearAction'))}
          w={240}
        />
        <Select
          label={t('audit.filters.entityType')}
          placeholder={t('audit.filters.anyEntityType')}
          data={entityTypes}
          value={filters.entityType ?? null}
          onChange={choose('entityType')}
          clearable
          clearButtonProps={clearButtonProps(t('audit.filters.clearEntityType'))}
          w={180}
        />
        <TextInput
          label={t('audit.filters.entityId')}
          placeholder={t('audit.filters.entityIdPlaceholder')}
          value={entityId.text}
          onChange={(event) => entityId.change(event.currentTarget.value)}
          autoComplete="off"
          w={300}
        />
        <TextInput
          type="date"
          label={t('audit.filters.from')}
          value={filters.from ?? ''}
          max={filters.to}
          onChange={(event) => onChange({ from: event.currentTarget.value })}
          error={errors.from}
          w={170}
        />
        <TextInput
          type="date"
          label={t('audit.filters.to')}
          value={filters.to ?? ''}
          min={filters.from}
          onChange={(event) => onChange({ to: event.currentTarget.value })}
          error={errors.to}
          w={170}
        />
        {hasFilters && (
          <Button variant="subtle" onClick={clearAll} mt={25}>
            {t('audit.filters.clear')}
          </Button>
        )}
      </Group>
    </Paper>
  );
};
