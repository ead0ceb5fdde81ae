import { Alert, List } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-error';
import { ProblemAlert } from './problem-alert';

const knownRules = [
  'budget_up_to_20',
  'budget_over_20',
  'no_cost',
  'extends',
  'administrative_only',
  'date_order',
  'not_amendable',
  'one_at_a_time',
  'no_change',
  'decided',
  'reason_required',
  'signature_date_required',
  'signature_date_future',
] as const;
type Rule = (typeof knownRules)[number];
const isRule = (rule: string): rule is Rule => (knownRules as readonly string[]).includes(rule);

/** A refusal of the amendment rules (the admin's live check or the server's), as a sentence. */
export const amendmentRuleSentence = (t: TFunction, rule: string, message: string): string =>
  isRule(rule) ? t(`agreements.amendments.rule.${rule}`) : message;

/** Why the server refused an amendment: the rules it broke as sentences, or the error's own sentence. */
export const AmendmentFailureAlert = ({ title, error }: { title: string; error: unknown }) => {
  const { t } = useTranslation();
  const serverErrors = isApiError(error) ? error.fieldErrors : [];
  if (serverErrors.length === 0) return <ProblemAlert title={title} error={error} />;
  return (
    <Alert color="red" variant="light" role="alert" title={title}>
      <List size="sm">
        {serverErrors.map((e) => (
          <List.Item key={`${e.field}-${e.rule}`}>{amendmentRuleSentence(t, e.rule, e.message)}</List.Item>
        ))}
      </List>
    </Alert>
  );
};
