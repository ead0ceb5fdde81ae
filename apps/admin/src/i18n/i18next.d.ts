import 'i18next';
import type en from './en.json';

// English is the reference catalogue: every key used in code must exist there (and the spec
// keeps fr and es in step with it).
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
    returnNull: false;
  }
}
