import type { CheckResult, FlagLevel } from '@pardev/contracts';
import { Badge, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { checkResultLabelKey, flagLevelLabelKey } from '../../../lib/reference-labels';

// Colours back up the words, never replace them (UX.md: status as a coloured badge with text).
const resultColors: Record<CheckResult, MantineColor> = { CLEAR: 'green', MATCH: 'orange', FLAGGED: 'red' };
const levelColors: Record<FlagLevel, MantineColor> = {
  OBSERVATION: 'gray',
  YELLOW: 'yellow',
  ESCALATED: 'orange',
  RED: 'red',
};

/** What a check found: clear, a match to review, or a concern. */
export const CheckResultBadge = ({ result }: { result: CheckResult }) => {
  const { t } = useTranslation();
  return (
    <Badge color={resultColors[result]} variant="light" tt="none">
      {t(checkResultLabelKey(result))}
    </Badge>
  );
};

/** How serious a flag is, from an observation to red (which blocks new agreements). */
export const FlagLevelBadge = ({ level }: { level: FlagLevel }) => {
  const { t } = useTranslation();
  return (
    <Badge color={levelColors[level]} variant="light" tt="none">
      {t(flagLevelLabelKey(level))}
    </Badge>
  );
};
