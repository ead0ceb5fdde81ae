import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n/i18n';
import type { Language } from '../i18n/languages';
import { formatDate } from '../lib/dates';

const formatters = new Map<Language, Intl.DateTimeFormat>();

/** An ISO instant as date and time in the reader's language and time zone. */
export const formatDateTime = (iso: string, language: Language): string => {
  let formatter = formatters.get(language);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    formatters.set(language, formatter);
  }
  return formatter.format(new Date(iso));
};

/** A <time> element: localised for the reader, machine-readable for everything else. */
export const DateTime = ({ value }: { value: string }) => {
  const { i18n } = useTranslation();
  return <time dateTime={value}>{formatDateTime(value, currentLanguage(i18n))}</time>;
};

/** A calendar day (an ISO date such as 2026-01-31) as a <time> element in the reader's language. */
export const DateOnly = ({ value }: { value: string }) => {
  const { i18n } = useTranslation();
  return <time dateTime={value}>{formatDate(value, currentLanguage(i18n))}</time>;
};
