import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n/i18n';
import type { Language } from '../i18n/languages';

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
