import type { Allocations } from '@pardev/contracts';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ValidationMessage, type ValidationDescriptor } from '../../../lib/form-validation';
import { OutcomesEditor, RecipientsEditor, SectorsEditor } from './allocation-editors';
import type { FlowStepProps } from './use-agreement-flow';

interface AgreementAllocationsStepProps extends Pick<FlowStepProps, 'draft' | 'set'> {
  /** The sentences about each list (a share missing, shares not summing to 100 %). */
  listProblems: (list: keyof Allocations) => string[];
  /** The schema's other problems of the allocations, by field. */
  fieldProblems: readonly (readonly [string, ValidationDescriptor])[];
}

/** Step 4: where the money goes (countries and regions, sectors) and the outcomes it serves. */
export const AgreementAllocationsStep = ({
  draft,
  set,
  listProblems,
  fieldProblems,
}: AgreementAllocationsStepProps) => {
  const { t } = useTranslation();
  const change = (value: Allocations) => set('allocations', value);
  return (
    <>
      <Text size="sm" c="dimmed">
        {t('agreements.create.allocationsHelp')}
      </Text>
      <RecipientsEditor
        value={draft.allocations}
        onChange={change}
        problems={{ recipients: listProblems('recipients') }}
      />
      <SectorsEditor
        value={draft.allocations}
        onChange={change}
        problems={{ sectors: listProblems('sectors') }}
      />
      <OutcomesEditor
        value={draft.allocations}
        onChange={change}
        problems={{ pbOutcomes: listProblems('pbOutcomes') }}
      />
      {fieldProblems.map(([field, descriptor]) => (
        <Text key={field} size="sm" c="red.9">
          <ValidationMessage descriptor={descriptor} fieldLabelKey="agreements.fields.allocations" />
        </Text>
      ))}
    </>
  );
};
