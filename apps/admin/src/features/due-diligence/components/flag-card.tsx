import type { Flag } from '@pardev/contracts';
import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateTime } from '../../../components/date-time';
import { flagCategoryLabelKey, flagLevelLabelKey } from '../../../lib/reference-labels';
import { useStaffNames } from '../../../lib/staff-directory';
import { FlagLevelBadge } from './due-diligence-badges';

/** Who did something to the flag, and when: "Raised by Olga Officer · 3 Mar 2026, 14:30". */
const Byline = ({ text, at }: { text: string; at: string }) => (
  <Text size="xs" c="dimmed">
    {text} · <DateTime value={at} />
  </Text>
);

/** What may be done about an open flag: resolve it, or (for an officer) ask an admin to. */
export type FlagAction = 'resolve' | 'needs-admin' | 'none';

interface FlagCardProps {
  flag: Flag;
  action: FlagAction;
  onResolve: (flag: Flag) => void;
}

/** The resolve button, or why there is none for this user. */
const ResolveAction = ({ flag, action, onResolve }: FlagCardProps) => {
  const { t } = useTranslation();
  if (action === 'needs-admin') {
    return (
      <Text size="xs" c="dimmed" maw={260} ta="right">
        {t('dueDiligence.flags.adminOnly')}
      </Text>
    );
  }
  if (action !== 'resolve') return null;
  return (
    <Button
      size="compact-sm"
      variant="default"
      aria-label={t('dueDiligence.flags.resolveFlag', {
        level: t(flagLevelLabelKey(flag.level)),
        category: t(flagCategoryLabelKey(flag.category)),
      })}
      onClick={() => onResolve(flag)}
    >
      {t('dueDiligence.flags.resolve')}
    </Button>
  );
};

/** One flag: how serious, about what, why; who raised it; and for a resolved one, how it was closed. */
export const FlagCard = ({ flag, action, onResolve }: FlagCardProps) => {
  const { t } = useTranslation();
  const { nameOf } = useStaffNames();
  return (
    <Paper withBorder p="md" component="li" data-testid="flag">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="sm" wrap="nowrap">
          <Group gap="xs" wrap="wrap">
            <FlagLevelBadge level={flag.level} />
            <Text fw={600} size="sm">
              {t(flagCategoryLabelKey(flag.category))}
            </Text>
          </Group>
          <ResolveAction flag={flag} action={action} onResolve={onResolve} />
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {flag.comment}
        </Text>
        <Byline text={t('dueDiligence.flags.raisedBy', { name: nameOf(flag.raisedBy) })} at={flag.raisedAt} />
        {flag.resolvedAt !== null && flag.resolvedBy !== null && (
          <>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              <Text span c="dimmed" inherit>
                {t('common.fieldLabel', { field: t('dueDiligence.fields.resolution') })}
              </Text>{' '}
              {flag.resolution}
            </Text>
            <Byline
              text={t('dueDiligence.flags.resolvedBy', { name: nameOf(flag.resolvedBy) })}
              at={flag.resolvedAt}
            />
          </>
        )}
      </Stack>
    </Paper>
  );
};
