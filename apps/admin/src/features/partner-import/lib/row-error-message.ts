import type { FieldError } from '@pardev/contracts';
import type { TFunction } from 'i18next';

// The server writes a row error in English; its `rule` is stable. Known rules read as a sentence
// in the user's language; specifics the server put in the message (a row number, another
// partner's name) are carried over when the message has its usual shape. An unknown rule keeps
// the server's message rather than hide what it says.

type RuleKey =
  | 'required'
  | 'too_small'
  | 'too_big'
  | 'invalid_value'
  | 'invalid_format'
  | 'format'
  | 'invalid_type'
  | 'codelist'
  | 'unique'
  | 'duplicate_row'
  | 'not_allowed'
  | 'unknown_partner'
  | 'uuid'
  | 'changed_since_check'
  | 'iati_identifier'
  | 'required_for_category';

const ruleKeys: ReadonlySet<string> = new Set<RuleKey>([
  'required',
  'too_small',
  'too_big',
  'invalid_value',
  'invalid_format',
  'format',
  'invalid_type',
  'codelist',
  'unique',
  'duplicate_row',
  'not_allowed',
  'unknown_partner',
  'uuid',
  'changed_since_check',
  'iati_identifier',
  'required_for_category',
]);

const isRuleKey = (rule: string): rule is RuleKey => ruleKeys.has(rule);

/** What a row error says, in the user's language where its rule is known. */
export const rowErrorMessage = (t: TFunction, error: Pick<FieldError, 'rule' | 'message'>): string => {
  const { rule, message } = error;
  if (rule === 'duplicate_row') {
    const twin = /\brow (\d+)\b/.exec(message)?.[1];
    if (twin) return t('partnerImport.rule.duplicateRowOf', { twin: Number(twin) });
  }
  if (rule === 'unique') {
    const identifierOf = /^is already the identifier of (.+)$/.exec(message)?.[1];
    if (identifierOf) return t('partnerImport.rule.uniqueIdentifier', { name: identifierOf });
    const registered = /^(.+) is already registered in this country$/.exec(message)?.[1];
    if (registered) return t('partnerImport.rule.uniqueName', { name: registered });
  }
  return isRuleKey(rule) ? t(`partnerImport.rule.${rule}`) : message;
};
