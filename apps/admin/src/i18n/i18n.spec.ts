import { describe, expect, it, vi } from 'vitest';
import en from './en.json';
import es from './es.json';
import fr from './fr.json';
import { createI18n } from './i18n';

type Catalogue = { [key: string]: string | Catalogue };

const flatten = (catalogue: Catalogue, prefix = ''): Map<string, string> => {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') entries.set(path, value);
    else for (const [nested, text] of flatten(value, path)) entries.set(nested, text);
  }
  return entries;
};

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((match) => match[1] ?? '').sort();

const catalogues = { en, fr, es } as const;
const flat = Object.fromEntries(
  Object.entries(catalogues).map(([language, catalogue]) => [language, flatten(catalogue)]),
) as Record<keyof typeof catalogues, Map<string, string>>;

describe('translation catalogues', () => {
  const englishKeys = [...flat.en.keys()].sort();

  it.each(['fr', 'es'] as const)('%s has exactly the English key set', (language) => {
    expect([...flat[language].keys()].sort()).toEqual(englishKeys);
  });

  it.each(['en', 'fr', 'es'] as const)('%s has no empty message', (language) => {
    const empty = [...flat[language]].filter(([, text]) => text.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it.each(['fr', 'es'] as const)('%s uses the same placeholders as English in every message', (language) => {
    const mismatched = englishKeys.filter(
      (key) =>
        placeholders(flat.en.get(key) ?? '').join() !== placeholders(flat[language].get(key) ?? '').join(),
    );
    expect(mismatched).toEqual([]);
  });

  it('formats plurals and numbers per language', () => {
    const i18n = createI18n('fr');
    expect(i18n.t('partners.total', { count: 1 })).toBe('1 partenaire');
    expect(i18n.t('partners.total', { count: 1234 }).replace(/\s/g, ' ')).toBe('1 234 partenaires');
    void i18n.changeLanguage('en');
    expect(i18n.t('partners.total', { count: 1234 })).toBe('1,234 partners');
  });

  it('sets <html lang> and remembers the choice', async () => {
    const i18n = createI18n('en');
    expect(document.documentElement.lang).toBe('en');
    await i18n.changeLanguage('es');
    expect(document.documentElement.lang).toBe('es');
    expect(window.localStorage.getItem('pardev.language')).toBe('es');
    expect(createI18n().language).toBe('es');
  });

  it('loads only the catalogue in use, and another when the user switches to it', async () => {
    // A fresh module: nothing registered, as in the browser.
    vi.resetModules();
    const fresh = await import('./i18n');
    const i18n = await fresh.initI18n('fr');
    expect(i18n.t('nav.partners')).toBe('Partenaires');
    expect(i18n.hasResourceBundle('en', 'translation')).toBe(false);
    expect(i18n.hasResourceBundle('es', 'translation')).toBe(false);
    await i18n.changeLanguage('es');
    expect(i18n.t('nav.partners')).toBe(es.nav.partners);
    expect(document.documentElement.lang).toBe('es');
  });
});
