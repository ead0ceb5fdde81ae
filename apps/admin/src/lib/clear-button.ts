/**
 * Props for a Select's clear button that keyboard and screen-reader users can reach: Mantine hides
 * it from assistive tech, yet it is the only way to say "none" (no country, no officer, any user).
 */
export const clearButtonProps = (label: string) => ({
  'aria-label': label,
  'aria-hidden': false,
  tabIndex: 0,
});
