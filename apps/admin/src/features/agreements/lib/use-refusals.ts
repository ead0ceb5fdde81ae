import type { Agreement, FieldError } from '@pardev/contracts';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n/i18n';
import { formatDate } from '../../../lib/dates';
import { refusalSentence } from './labels';

/** Sentences for lifecycle refusals about this agreement, in the reader's language. */
export const useRefusalText = (agreement: Agreement, outstandingTranches: number) => {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const list = new Intl.ListFormat(language, { style: 'long', type: 'conjunction' });
  const context = {
    blockedPartners: agreement.partners.filter((p) => p.blockedForNewAgreements).map((p) => p.name),
    startOn: agreement.startOn,
    endOn: agreement.endOn,
    outstandingTranches,
    formatDate: (isoDate: string) => formatDate(isoDate, language),
    formatList: (items: readonly string[]) => list.format(items),
  };
  return (refusal: FieldError) => refusalSentence(t, refusal, context);
};
