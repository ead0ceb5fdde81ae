import { notifications } from '@mantine/notifications';
import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import en from './i18n/en.json';
import es from './i18n/es.json';
import fr from './i18n/fr.json';
import { registerCatalogues } from './i18n/i18n';

// The app fetches one catalogue per language on demand; tests have all three at once, synchronously.
registerCatalogues({ en, fr, es });

// jsdom lacks the layout APIs Mantine relies on.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  configurable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    addListener: () => undefined,
    removeListener: () => undefined,
    dispatchEvent: () => false,
  }),
});

class ResizeObserverStub implements ResizeObserver {
  observe = (): undefined => undefined;
  unobserve = (): undefined => undefined;
  disconnect = (): undefined => undefined;
}
window.ResizeObserver = ResizeObserverStub;

// Nor a FontFaceSet, which Mantine's autosizing textarea listens to.
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', {
    configurable: true,
    value: { addEventListener: () => undefined, removeEventListener: () => undefined },
  });
}

window.HTMLElement.prototype.scrollIntoView = () => undefined;
Object.defineProperty(window, 'scrollTo', { writable: true, configurable: true, value: () => undefined });

afterEach(() => {
  cleanup();
  // The toasts' store outlives a test's render: one test's toast must not show in the next.
  notifications.clean();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  window.localStorage.clear();
});
