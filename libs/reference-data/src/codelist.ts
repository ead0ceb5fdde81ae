export type LanguageCode = 'en' | 'fr' | 'es';

export interface CodelistItem<C extends string = string> {
  readonly code: C;
  // English always; French and Spanish where the IATI source has them.
  readonly name: Readonly<Partial<Record<LanguageCode, string>>>;
  readonly withdrawn?: boolean;
  readonly category?: string;
}

// Withdrawn items stay readable for old data but are hidden in pickers.
export const activeItems = <C extends string>(list: readonly CodelistItem<C>[]): CodelistItem<C>[] =>
  list.filter((item) => !item.withdrawn);

export const labelOf = <C extends string>(
  list: readonly CodelistItem<C>[],
  code: string,
  lang: LanguageCode = 'en',
): string | undefined => {
  const item = list.find((i) => i.code === code);
  return item ? (item.name[lang] ?? item.name.en) : undefined;
};
