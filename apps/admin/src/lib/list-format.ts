import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n/i18n';

/** Joins items as a sentence does in the reader's language: "A, B and C", « A, B et C ». */
export const useListFormat = (): ((items: readonly string[]) => string) => {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n);
  return useMemo(() => {
    const formatter = new Intl.ListFormat(language, { style: 'long', type: 'conjunction' });
    return (items) => formatter.format(items);
  }, [language]);
};
