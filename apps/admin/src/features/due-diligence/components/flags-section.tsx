import {
  FlagLevels,
  canChangePartner,
  canResolveFlagLevel,
  type Actor,
  type Flag,
  type Partner,
} from '@pardev/contracts';
import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FlagCard, type FlagAction } from './flag-card';
import { RaiseFlagModal } from './raise-flag-modal';
import { ResolveFlagModal } from './resolve-flag-modal';
import { Section } from './section';

// The most serious open flags first (red, escalated, …); the server's order (newest first) within a level.
const bySeverity = (a: Flag, b: Flag) => FlagLevels.indexOf(b.level) - FlagLevels.indexOf(a.level);

interface FlagListProps {
  flags: readonly Flag[];
  label: string;
  id?: string;
  actionFor: (flag: Flag) => FlagAction;
  onResolve: (flag: Flag) => void;
}

const FlagList = ({ flags, label, id, actionFor, onResolve }: FlagListProps) => (
  <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={label} id={id}>
    {flags.map((flag) => (
      <FlagCard key={flag.id} flag={flag} action={actionFor(flag)} onResolve={onResolve} />
    ))}
  </Stack>
);

interface FlagsSectionProps {
  partner: Partner;
  /** The flags the reader may see: open ones first, then resolved ones, newest first. */
  flags: readonly Flag[];
  actor: Actor;
}

/** Concerns raised about the partner: the open ones, then (on demand) those already resolved. */
export const FlagsSection = ({ partner, flags, actor }: FlagsSectionProps) => {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<{ kind: 'raise' } | { kind: 'resolve'; flag: Flag } | null>(null);
  const [showResolved, setShowResolved] = useState(false);
  const mayChange = canChangePartner(actor, partner);
  const open = flags.filter((flag) => flag.resolvedAt === null).sort(bySeverity);
  const resolved = flags.filter((flag) => flag.resolvedAt !== null);
  // Escalated and red flags need an admin: an officer sees why there is no button.
  const actionFor = (flag: Flag): FlagAction => {
    if (!mayChange || flag.resolvedAt !== null) return 'none';
    return canResolveFlagLevel(actor, flag.level) ? 'resolve' : 'needs-admin';
  };
  const resolve = (flag: Flag) => setDialog({ kind: 'resolve', flag });
  const close = () => setDialog(null);

  return (
    <Section
      id="flags-title"
      title={t('dueDiligence.flags.title')}
      actions={
        mayChange && (
          <Button variant="default" onClick={() => setDialog({ kind: 'raise' })}>
            {t('dueDiligence.flags.raise')}
          </Button>
        )
      }
    >
      {open.length > 0 ? (
        <FlagList
          flags={open}
          label={t('dueDiligence.flags.open')}
          actionFor={actionFor}
          onResolve={resolve}
        />
      ) : (
        <Text size="sm" c="dimmed">
          {flags.length === 0 ? t('dueDiligence.flags.none') : t('dueDiligence.flags.noneOpen')}
        </Text>
      )}
      {resolved.length > 0 && (
        <>
          <Group>
            <Button
              variant="subtle"
              size="compact-sm"
              aria-expanded={showResolved}
              aria-controls={showResolved ? 'resolved-flags' : undefined}
              onClick={() => setShowResolved((shown) => !shown)}
            >
              {showResolved
                ? t('dueDiligence.flags.hideResolved')
                : t('dueDiligence.flags.showResolved', { count: resolved.length })}
            </Button>
          </Group>
          {showResolved && (
            <FlagList
              id="resolved-flags"
              flags={resolved}
              label={t('dueDiligence.flags.resolved')}
              actionFor={actionFor}
              onResolve={resolve}
            />
          )}
        </>
      )}
      <RaiseFlagModal partner={dialog?.kind === 'raise' ? partner : null} onClose={close} />
      <ResolveFlagModal
        partnerId={partner.id}
        flag={dialog?.kind === 'resolve' ? dialog.flag : null}
        onClose={close}
      />
    </Section>
  );
};
