import type { AuditEntryView } from '@pardev/contracts';
import type { MantineColor } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { shortId } from '../../../lib/staff-directory';

/** The actions the trail records today, grouped by what they concern (`<group>.<verb>`). */
export const AuditActions = [
  'partner.registered',
  'partner.updated',
  'partner.assigned',
  'partner.status-changed',
  'check.recorded',
  'flag.raised',
  'flag.resolved',
  'user.invited',
  'user.roles-changed',
  'user.deactivated',
  'user.reactivated',
  'user.password-reset',
  'auth.signed-in',
  'auth.sign-in-failed',
  'auth.signed-out',
  'access.refused',
] as const;
type AuditAction = (typeof AuditActions)[number];
type AuditActionGroup = AuditAction extends `${infer Group}.${string}` ? Group : never;

/** Kinds of audited record (entityType): partners, user accounts, and refused requests. */
export const AuditEntityTypes = ['partner', 'user', 'request'] as const;
type AuditEntityType = (typeof AuditEntityTypes)[number];

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

export const actionGroupOf = (action: AuditAction): AuditActionGroup =>
  action.slice(0, action.indexOf('.')) as AuditActionGroup;

// Refusals and failures stand out (with their words: colour is never the only signal).
const failures: readonly string[] = ['auth.sign-in-failed', 'access.refused'];
const groupColors: Record<AuditActionGroup, MantineColor> = {
  partner: 'blue',
  check: 'teal',
  flag: 'orange',
  user: 'grape',
  auth: 'gray',
  access: 'gray',
};

export const actionColor = (action: string): MantineColor => {
  if (failures.includes(action)) return 'red';
  return isOneOf(AuditActions, action) ? groupColors[actionGroupOf(action)] : 'gray';
};

/** Labels of what the trail holds, in the reader's language; unknown codes are shown as they are. */
export const useAuditLabels = () => {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      action: (action: string): string =>
        isOneOf(AuditActions, action) ? t(`audit.action.${action}`) : action,
      actionGroup: (group: AuditActionGroup): string => t(`audit.actionGroup.${group}`),
      entityType: (entityType: string): string =>
        isOneOf<AuditEntityType>(AuditEntityTypes, entityType)
          ? t(`audit.entityType.${entityType}`)
          : entityType,
      /** Who acted: their name; a short id when the directory lost them; "not identified" for nobody. */
      actor: (entry: Pick<AuditEntryView, 'actorId' | 'actorName'>): string =>
        entry.actorName ??
        (entry.actorId ? t('staff.unknown', { id: shortId(entry.actorId) }) : t('audit.unidentified')),
    }),
    [t],
  );
};
