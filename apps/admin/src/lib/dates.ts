import type { Language } from '../i18n/languages';

// Calendar dates (no time of day) travel as ISO dates, e.g. 2026-01-31. Days are counted in UTC,
// as the contracts' date rules and the services count them, so the admin and the server agree on
// what "today", "expired" and "in the future" mean.

const DayMs = 86_400_000;

/** Today as an ISO date (UTC). */
export const todayIsoDate = (now: Date = new Date()): string => now.toISOString().slice(0, 10);

/** Whole days from `from` to `to` (ISO dates): negative when `to` comes first. */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(to) - Date.parse(from)) / DayMs);

const formatters = new Map<Language, Intl.DateTimeFormat>();

/** An ISO date in the reader's language (the same calendar day whatever their time zone). */
export const formatDate = (isoDate: string, language: Language): string => {
  let formatter = formatters.get(language);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' });
    formatters.set(language, formatter);
  }
  return formatter.format(new Date(Date.parse(isoDate)));
};
