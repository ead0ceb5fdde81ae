import type { PartnerOption } from '@pardev/contracts';
import { Alert, Button, Group, Stack, Stepper } from '@mantine/core';
import type { Dispatch, ReactNode, SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementDraft, AgreementRequestBody } from '../lib/agreement-draft';
import { AgreementAllocationsStep } from './agreement-allocations-step';
import { AgreementBasicsStep } from './agreement-basics-step';
import { AgreementDatesStep } from './agreement-dates-step';
import { AgreementMoneyStep } from './agreement-money-step';
import { AgreementSummaryStep } from './agreement-summary-step';
import { ProblemAlert } from './problem-alert';
import { SummaryStep, useAgreementFlow } from './use-agreement-flow';
import { usePartnerPicker } from './use-partner-picker';

export interface AgreementFlowProps {
  draft: AgreementDraft;
  onDraftChange: Dispatch<SetStateAction<AgreementDraft>>;
  /** Partners whose names are known before any search (those already on the agreement). */
  knownPartners?: readonly PartnerOption[] | undefined;
  /** Shown above the steps (e.g. another person's changes after a 409). */
  notice?: ReactNode;
  submitLabel: string;
  pending: boolean;
  /** The error of the last save: its field errors are shown beside the fields. */
  error: unknown;
  /** Whether the error is shown as an alert too (not when the notice explains it). */
  showErrorAlert: boolean;
  failedTitle: string;
  /** The body the contract accepts; `goToField` opens the step of a field the server refused. */
  onSubmit: (body: AgreementRequestBody, goToField: (field: string) => void) => void;
  onCancel: () => void;
}

/** A step's inputs, under the alert that says how many of them need fixing once it was checked. */
const StepBody = ({ problemCount, children }: { problemCount: number; children: ReactNode }) => {
  const { t } = useTranslation();
  return (
    <Stack gap="md" mt="md">
      {problemCount > 0 && (
        <Alert color="red" variant="light" role="alert" title={t('agreements.create.fixStep')}>
          {t('agreements.create.fixStepHelp', { count: problemCount })}
        </Alert>
      )}
      {children}
    </Stack>
  );
};

/**
 * The guided flow of an agreement's terms: partners and basics → money → dates and officer →
 * allocations → summary. Each step is checked with the contract's schema before the next opens,
 * and each refusal says what to do. Used to draft an agreement and to edit it before signature.
 */
export const AgreementFlow = ({
  draft,
  onDraftChange,
  knownPartners = [],
  notice,
  submitLabel,
  pending,
  error,
  showErrorAlert,
  failedTitle,
  onSubmit,
  onCancel,
}: AgreementFlowProps) => {
  const { t } = useTranslation();
  const flow = useAgreementFlow(draft, onDraftChange, error);
  const partners = usePartnerPicker(draft.partnerIds, knownPartners);

  return (
    <Stack gap="lg">
      {notice}
      <Stepper active={flow.step} onStepClick={flow.back} allowNextStepsSelect={false}>
        <Stepper.Step label={t('agreements.create.step.basics')}>
          <StepBody problemCount={flow.problemCount(0)}>
            <AgreementBasicsStep {...flow.stepProps} partners={partners} />
          </StepBody>
        </Stepper.Step>
        <Stepper.Step label={t('agreements.create.step.money')}>
          <StepBody problemCount={flow.problemCount(1)}>
            <AgreementMoneyStep {...flow.stepProps} />
          </StepBody>
        </Stepper.Step>
        <Stepper.Step label={t('agreements.create.step.dates')}>
          <StepBody problemCount={flow.problemCount(2)}>
            <AgreementDatesStep {...flow.stepProps} />
          </StepBody>
        </Stepper.Step>
        <Stepper.Step label={t('agreements.create.step.allocations')}>
          <StepBody problemCount={flow.problemCount(3)}>
            <AgreementAllocationsStep
              draft={draft}
              set={flow.stepProps.set}
              listProblems={flow.listProblems}
              fieldProblems={flow.allocationFieldProblems}
            />
          </StepBody>
        </Stepper.Step>
        <Stepper.Completed>
          <AgreementSummaryStep
            draft={draft}
            partnerName={partners.nameOf}
            allocationProblems={flow.allocationSentences}
          />
        </Stepper.Completed>
      </Stepper>

      {showErrorAlert && error !== null && error !== undefined && (
        <ProblemAlert title={failedTitle} error={error} />
      )}

      <Group justify="space-between">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Group>
          {flow.step > 0 && (
            <Button variant="default" onClick={() => flow.back(flow.step - 1)}>
              {t('agreements.create.back')}
            </Button>
          )}
          {flow.step < SummaryStep ? (
            <Button onClick={flow.next}>{t('agreements.create.next')}</Button>
          ) : (
            <Button onClick={() => flow.submit(onSubmit)} loading={pending}>
              {submitLabel}
            </Button>
          )}
        </Group>
      </Group>
    </Stack>
  );
};
