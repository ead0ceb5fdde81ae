import type { FieldError } from '@pardev/contracts';
import type { FormErrors } from '@mantine/form';
import type { ParseKeys } from 'i18next';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';

type ValidationKey = Extract<ParseKeys, `validation.${string}`>;

/** What to say about one invalid field: an i18n key with values, and the schema's own words. */
export interface ValidationDescriptor {
  key: ValidationKey | undefined;
  values?: Record<string, string | number>;
  /** The schema's (or server's) message, shown when no translation fits the rule. */
  fallback: string;
}

type Issue = z.core.$ZodIssue;

const ruleOf = (issue: Issue): string | undefined => {
  if (issue.code !== 'custom') return undefined;
  const params: Record<string, unknown> | undefined = issue.params;
  const rule = params?.['rule'];
  return typeof rule === 'string' ? rule : undefined;
};

/** Sentences for rules named by the contracts' refinements (params.rule), by rule. */
export type RuleKeys = Readonly<Partial<Record<string, ValidationKey>>>;

// Rules named by the contracts' refinements (params.rule) that have a sentence of their own.
const customRuleKeys: RuleKeys = {
  required_for_category: 'validation.countryRequiredForCategory',
  not_the_responsible_officer: 'validation.notTheResponsibleOfficer',
  date_order: 'validation.dateOrder',
  not_future: 'validation.notFuture',
  iati_identifier: 'validation.iatiIdentifier',
};

/** `ruleKeys`: sentences a form knows better for a rule, e.g. which dates are out of order. */
export const describeZodIssue = (issue: Issue, ruleKeys: RuleKeys = {}): ValidationDescriptor => {
  const fallback = issue.message;
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'array' || issue.origin === 'set')
        return { key: 'validation.tooFewChosen', values: { count: Number(issue.minimum) }, fallback };
      if (issue.origin === 'string' && Number(issue.minimum) <= 1)
        return { key: 'validation.required', fallback };
      return { key: 'validation.tooShort', values: { minimum: Number(issue.minimum) }, fallback };
    case 'too_big':
      if (issue.origin === 'array' || issue.origin === 'set')
        return { key: 'validation.tooManyChosen', values: { count: Number(issue.maximum) }, fallback };
      return { key: 'validation.tooLong', values: { maximum: Number(issue.maximum) }, fallback };
    case 'invalid_type':
      // In a form an input of the wrong type is almost always an empty one.
      return { key: 'validation.required', fallback };
    case 'invalid_value':
      return { key: 'validation.chooseFromList', fallback };
    case 'invalid_format':
      return {
        key: issue.format === 'email' ? 'validation.invalidEmail' : 'validation.invalidFormat',
        fallback,
      };
    case 'custom': {
      const rule = ruleOf(issue);
      return { key: rule ? (ruleKeys[rule] ?? customRuleKeys[rule]) : undefined, fallback };
    }
    default:
      return { key: undefined, fallback };
  }
};

// Server field errors carry the zod issue code as `rule` but not its parameters.
const serverRuleKeys: Partial<Record<string, ValidationKey>> = {
  invalid_value: 'validation.chooseFromList',
  invalid_type: 'validation.required',
  required_for_category: 'validation.countryRequiredForCategory',
  not_the_responsible_officer: 'validation.notTheResponsibleOfficer',
  not_future: 'validation.notFuture',
  iati_identifier: 'validation.iatiIdentifier',
};

export const describeServerFieldError = (error: FieldError): ValidationDescriptor => ({
  key: serverRuleKeys[error.rule],
  fallback: error.message,
});

interface ValidationMessageProps {
  descriptor: ValidationDescriptor;
  fieldLabelKey: ParseKeys | undefined;
}

/** Rendered at display time so a language switch re-translates errors already on screen. */
export const ValidationMessage = ({ descriptor, fieldLabelKey }: ValidationMessageProps) => {
  const { t } = useTranslation();
  const field = fieldLabelKey ? t(fieldLabelKey) : '';
  if (descriptor.key) return <>{t(descriptor.key, { ...descriptor.values, field })}</>;
  return <>{t('validation.fallback', { field, message: descriptor.fallback })}</>;
};

/** i18n key of each field's label, used to name the field in fallback messages. */
export type FieldLabelKeys = Readonly<Record<string, ParseKeys>>;

export const toFormErrors = (
  descriptors: Record<string, ValidationDescriptor>,
  fieldLabelKeys: FieldLabelKeys,
): FormErrors => {
  const errors: FormErrors = {};
  for (const [path, descriptor] of Object.entries(descriptors)) {
    errors[path] = <ValidationMessage descriptor={descriptor} fieldLabelKey={fieldLabelKeys[path]} />;
  }
  return errors;
};

/**
 * Puts a server's field errors beside the form's fields (the first error of each field wins; a
 * form's alert lists those that name no field). `extra` holds sentences the form knows better for
 * a field, such as a duplicate-name conflict on the name field; they come first.
 */
export const applyServerFieldErrors = (
  form: { setErrors: (update: (current: FormErrors) => FormErrors) => void },
  error: { fieldErrors: readonly FieldError[] },
  fieldLabelKeys: FieldLabelKeys,
  extra: Readonly<Record<string, ValidationDescriptor>> = {},
): void => {
  const descriptors: Record<string, ValidationDescriptor> = { ...extra };
  for (const fieldError of error.fieldErrors) {
    if (Object.hasOwn(fieldLabelKeys, fieldError.field)) {
      descriptors[fieldError.field] ??= describeServerFieldError(fieldError);
    }
  }
  form.setErrors((current) => ({ ...current, ...toFormErrors(descriptors, fieldLabelKeys) }));
};

const isEmpty = (value: unknown): boolean =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

const valueAt = (input: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>(
    (node, key) =>
      node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined,
    input,
  );

/**
 * mantine-form-zod-resolver, with each message replaced by a translation chosen from the zod issue
 * code; the resolver's (schema's) message is the fallback. `toInput` maps form values (empty
 * strings for untouched inputs) onto what the schema expects; `ruleKeys` names the form's own
 * sentences for the contract's rules.
 */
export const describeWithSchema = <Values,>(
  schema: z.ZodType,
  toInput: (values: Values) => Record<string, unknown>,
  ruleKeys: RuleKeys = {},
) => {
  const resolve = zod4Resolver(schema, { errorPriority: 'first' });
  return (values: Values): Record<string, ValidationDescriptor> => {
    const input = toInput(values);
    const messages = resolve(input);
    const paths = Object.keys(messages);
    if (paths.length === 0) return {};
    const parsed = schema.safeParse(input);
    const issues = parsed.success ? [] : parsed.error.issues;
    const descriptors: Record<string, ValidationDescriptor> = {};
    for (const path of paths) {
      const issue = issues.find((candidate) => candidate.path.join('.') === path);
      const resolved = messages[path];
      const message = typeof resolved === 'string' ? resolved : '';
      if (!issue) descriptors[path] = { key: undefined, fallback: message };
      // An empty input breaks "format" or "one of" rules too; what the person must do is fill it in.
      else if (issue.code !== 'custom' && isEmpty(valueAt(input, issue.path))) {
        descriptors[path] = { key: 'validation.required', fallback: message };
      } else descriptors[path] = { ...describeZodIssue(issue, ruleKeys), fallback: message };
    }
    return descriptors;
  };
};

/**
 * A form's rules from its contract: errors as the user types (`validate`) and which fields the form
 * shows (server errors about other fields go to the form's alert).
 */
export const formRules = <Values extends object>(
  schema: z.ZodType,
  fieldLabelKeys: FieldLabelKeys,
  // The form's values as they are (a form's values are a plain object).
  toInput: (values: Values) => Record<string, unknown> = (values) => ({
    ...(values as Record<string, unknown>),
  }),
  ruleKeys: RuleKeys = {},
) => {
  const describeIssues = describeWithSchema(schema, toInput, ruleKeys);
  return {
    validate: (values: Values): FormErrors => toFormErrors(describeIssues(values), fieldLabelKeys),
    isFormField: (field: string): boolean => Object.hasOwn(fieldLabelKeys, field),
  };
};
