import { Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { staffOptions, useStaff, useStaffNames } from '../../../lib/staff-directory';
import type { FlowStepProps } from './use-agreement-flow';

/** Step 3: the dates the agreement runs between, and the officer responsible for it. */
export const AgreementDatesStep = ({ draft, set, errorFor }: FlowStepProps) => {
  const { t } = useTranslation();
  const officers = useStaff('officer');
  const { nameOf } = useStaffNames();
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          type="date"
          label={t('agreements.fields.startOn')}
          value={draft.startOn}
          onChange={(e) => set('startOn', e.currentTarget.value)}
          error={errorFor('startOn')}
        />
        <TextInput
          type="date"
          label={t('agreements.fields.endOn')}
          value={draft.endOn}
          onChange={(e) => set('endOn', e.currentTarget.value)}
          error={errorFor('endOn')}
        />
        <Select
          label={t('agreements.fields.responsibleOfficer')}
          searchable
          clearable
          data={staffOptions(officers.data ?? [], nameOf, [draft.responsibleOfficerId || null])}
          value={draft.responsibleOfficerId || null}
          onChange={(value) => set('responsibleOfficerId', value ?? '')}
          error={errorFor('responsibleOfficerId')}
        />
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        {t('agreements.create.datesHelp')}
      </Text>
    </>
  );
};
