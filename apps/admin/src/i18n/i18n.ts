import i18next, { type BackendModule, type i18n as I18n, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { detectLanguage, storeLanguage, toLanguage, type Language } from './languages';

type Catalogue = ResourceKey;

// One chunk per language, fetched when that language is first used: only the catalogue in use
// counts against the initial JS budget. The app awaits the first before it renders (no flash of keys).
const catalogueLoaders: Record<Language, () => Promise<{ default: Catalogue }>> = {
  en: () => import('./en.json'),
  fr: () => import('./fr.json'),
  es: () => import('./es.json'),
};

export const loadCatalogue = async (language: Language): Promise<Catalogue> =>
  (await catalogueLoaders[language]()).default;

// Catalogues already in memory (tests register all three in test-setup, so an instance can start
// synchronously); a language not here is loaded on demand by the backend below.
const bundled: Partial<Record<Language, Catalogue>> = {};

/** Makes catalogues available synchronously to every instance created afterwards. */
export const registerCatalogues = (catalogues: Partial<Record<Language, Catalogue>>): void => {
  Object.assign(bundled, catalogues);
};

const lazyCatalogues: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read: (language, _namespace, callback) => {
    const supported = toLanguage(language);
    if (!supported) {
      callback(null, {});
      return;
    }
    loadCatalogue(supported).then(
      (catalogue) => {
        bundled[supported] = catalogue;
        callback(null, catalogue);
      },
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

const applyDocumentLanguage = (language: string): void => {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
};

const resourcesOf = (languages: Partial<Record<Language, Catalogue>>) =>
  Object.fromEntries(
    Object.entries(languages).map(([language, catalogue]) => [language, { translation: catalogue }]),
  );

/**
 * An instance for `language`. It is ready at once when that catalogue is already in memory (tests);
 * otherwise await {@link initI18n}. Other languages load when the user switches to them.
 */
export const createI18n = (language: Language = detectLanguage()): I18n => {
  const instance = i18next.createInstance();
  const haveAll = bundled.en && bundled.fr && bundled.es;
  void instance
    .use(lazyCatalogues)
    .use(initReactI18next)
    .init({
      resources: resourcesOf(bundled),
      // Keep what is bundled and fetch the rest through the backend.
      partialBundledLanguages: true,
      lng: language,
      // Every catalogue has the English key set (i18n.spec): no fallback catalogue to download.
      fallbackLng: haveAll ? 'en' : false,
      supportedLngs: ['en', 'fr', 'es'],
      load: 'languageOnly',
      interpolation: { escapeValue: false },
      returnNull: false,
      initAsync: !bundled[language],
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

/** The app's instance, resolved once the catalogue of the detected language is loaded. */
export const initI18n = async (language: Language = detectLanguage()): Promise<I18n> => {
  if (!bundled[language]) bundled[language] = await loadCatalogue(language);
  return createI18n(language);
};

export const currentLanguage = (instance: I18n): Language =>
  toLanguage(instance.resolvedLanguage ?? instance.language) ?? 'en';
