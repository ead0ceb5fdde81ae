import type { AuditChange } from '@pardev/contracts';
import { List, Text, type MantineSize } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { sameValue, useRecordFieldText } from '../lib/record-fields';

interface ChangeListProps {
  /** The kind of record the fields belong to, e.g. "partner": it decides the labels. */
  entityType: string;
  changes: readonly AuditChange[];
  size?: MantineSize;
}

/**
 * Changed fields as "Label: before → after"; only the value when a record was created, or when
 * the entry names what it acted on (the flag that was resolved).
 */
export const ChangeList = ({ entityType, changes, size = 'sm' }: ChangeListProps) => {
  const { t } = useTranslation();
  const fields = useRecordFieldText();
  if (changes.length === 0) return null;
  return (
    <List size={size} spacing={2} listStyleType="none">
      {changes.map(({ field, before, after }) => {
        const afterText = fields.value(field, after);
        return (
          <List.Item key={field}>
            <Text span c="dimmed" inherit>
              {t('common.fieldLabel', { field: fields.label(entityType, field) })}
            </Text>{' '}
            {before === undefined || sameValue(before, after)
              ? afterText
              : `${fields.value(field, before)} → ${afterText}`}
          </List.Item>
        );
      })}
    </List>
  );
};
