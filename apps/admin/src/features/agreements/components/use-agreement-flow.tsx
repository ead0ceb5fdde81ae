import { CreateAgreementRequestSchema, allocationProblems, type Allocations } from '@pardev/contracts';
import { useMemo, useState, type Dispatch, type ReactNode, type SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-error';
import { ValidationMessage, describeServerFieldError } from '../../../lib/form-validation';
import {
  StepFields,
  allocationProblemKey,
  stepOf,
  toRequest,
  validateDraft,
  type AgreementDraft,
  type AgreementRequestBody,
} from '../lib/agreement-draft';
import { termLabelKeys } from '../lib/term-text';

/** The last step (the summary) comes after the steps with fields. */
export const SummaryStep = StepFields.length;
const FieldSteps = StepFields.map((_, index) => index);
const AllocationsStep = stepOf('allocations');

export type SetDraftField = <K extends keyof AgreementDraft>(key: K, value: AgreementDraft[K]) => void;

/** What each step with fields is given. */
export interface FlowStepProps {
  draft: AgreementDraft;
  set: SetDraftField;
  /** The error beside a field: the server's, else the schema's once its step was checked. */
  errorFor: (field: string) => ReactNode;
}

/**
 * The state of the agreement flow: the step open, the steps checked, each field's problem under the
 * contract's schema (or the server's refusal), and moving on only when a step has none.
 */
export const useAgreementFlow = (
  draft: AgreementDraft,
  setDraft: Dispatch<SetStateAction<AgreementDraft>>,
  error: unknown,
) => {
  const { t } = useTranslation();
  const [step, setStep] = useState(0);
  const [shown, setShown] = useState<Set<number>>(new Set());

  const problems = useMemo(() => validateDraft(draft), [draft]);
  const serverErrors = isApiError(error) ? error.fieldErrors : [];
  const errorFor = (field: string): ReactNode => {
    const server = serverErrors.find((e) => e.field === field);
    if (server) {
      if (server.rule === 'partner_blocked') return t('agreements.create.partnerBlocked');
      return (
        <ValidationMessage
          descriptor={describeServerFieldError(server)}
          fieldLabelKey={termLabelKeys[field]}
        />
      );
    }
    if (!shown.has(stepOf(field))) return null;
    const descriptor = problems[field];
    if (!descriptor) return null;
    if (field === 'totalMinor' && descriptor.key === undefined) {
      return t('agreements.money.amountInvalid', { currency: draft.currency });
    }
    return <ValidationMessage descriptor={descriptor} fieldLabelKey={termLabelKeys[field]} />;
  };
  const set: SetDraftField = (key, value) => setDraft((current) => ({ ...current, [key]: value }));

  const stepProblems = (index: number) => Object.keys(problems).filter((field) => stepOf(field) === index);
  const next = () => {
    setShown((current) => new Set(current).add(step));
    if (stepProblems(step).length === 0) setStep(step + 1);
  };

  const allocationSentences = allocationProblems(
    CreateAgreementRequestSchema.safeParse(toRequest(draft)).data?.allocations ?? draft.allocations,
  );
  const listProblems = (list: keyof Allocations) =>
    allocationSentences
      .filter((problem) => problem.field === `allocations.${list}`)
      .map((problem) => t(allocationProblemKey(problem)));

  /** Checks every step (opening the first with a problem), else sends the body the contract accepts. */
  const submit = (onSubmit: (body: AgreementRequestBody, goToField: (field: string) => void) => void) => {
    setShown(new Set(FieldSteps));
    const first = FieldSteps.find((index) => stepProblems(index).length > 0);
    if (first !== undefined) {
      setStep(first);
      return;
    }
    const body = CreateAgreementRequestSchema.parse(toRequest(draft));
    onSubmit(body, (field) => {
      const at = stepOf(field);
      if (at >= 0) setStep(at);
    });
  };

  return {
    step,
    /** Back to an earlier step (later ones open through `next`). */
    back: (index: number) => index < step && setStep(index),
    next,
    submit,
    stepProps: { draft, set, errorFor } satisfies FlowStepProps,
    /** How many problems the step has, once it was checked (0 before). */
    problemCount: (index: number) => (shown.has(index) ? stepProblems(index).length : 0),
    /** The schema's problems of the allocations, once their step was checked. */
    allocationFieldProblems: shown.has(AllocationsStep)
      ? Object.entries(problems).filter(([field]) => field.startsWith('allocations'))
      : [],
    listProblems,
    allocationSentences,
  };
};
