import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import es from './es.json';
import fr from './fr.json';
import { detectLanguage, storeLanguage, toLanguage, type Language } from './languages';

export const resources = {
  en: { translation: en },
  fr: { translation: fr },
  es: { translation: es },
} as const;

const applyDocumentLanguage = (language: string): void => {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
};

/** A fresh, synchronously initialised instance (the app uses one; each test may use its own). */
export const createI18n = (language: Language = detectLanguage()): I18n => {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    supportedLngs: ['en', 'fr', 'es'],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  applyDocumentLanguage(language);
  instance.on('languageChanged', (next) => {
    const supported = toLanguage(next);
    if (!supported) return;
    applyDocumentLanguage(supported);
    storeLanguage(supported);
  });
  return instance;
};

export const currentLanguage = (instance: I18n): Language =>
  toLanguage(instance.resolvedLanguage ?? instance.language) ?? 'en';
