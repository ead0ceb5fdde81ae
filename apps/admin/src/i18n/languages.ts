export const Languages = ['en', 'fr', 'es'] as const;
export type Language = (typeof Languages)[number];

// Each language is offered in its own name so a reader can find theirs whatever is shown.
export const LanguageNames: Record<Language, string> = {
  en: 'English',
  fr: 'Français',
  es: 'Español',
};

export const LanguageStorageKey = 'pardev.language';

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (Languages as readonly string[]).includes(value);

// The primary subtag is enough to pick one of our three languages (fr-CH → fr).
export const toLanguage = (value: string | null | undefined): Language | undefined => {
  const primary = value?.toLowerCase().split('-')[0];
  return isLanguage(primary) ? primary : undefined;
};

const readStoredLanguage = (): Language | undefined => {
  try {
    return toLanguage(window.localStorage.getItem(LanguageStorageKey));
  } catch {
    return undefined;
  }
};

export const detectLanguage = (): Language => {
  const stored = readStoredLanguage();
  if (stored) return stored;
  const preferred = typeof navigator === 'undefined' ? [] : [...navigator.languages, navigator.language];
  for (const tag of preferred) {
    const language = toLanguage(tag);
    if (language) return language;
  }
  return 'en';
};

export const storeLanguage = (language: Language): void => {
  try {
    window.localStorage.setItem(LanguageStorageKey, language);
  } catch {
    // Private browsing can refuse storage; the choice then lasts for this page only.
  }
};
