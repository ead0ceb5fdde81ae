import type { AuditChange, Partner } from '@pardev/contracts';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangeList } from '../../../components/change-list';
import { ErrorReference } from '../../../components/error-reference';
import { isApiError } from '../../../lib/api-error';
import { apiErrorMessageKey, correlationIdOf } from '../../../lib/api-error-message';
import { sameValue } from '../../../lib/record-fields';
import { useReloadPartner } from '../api/get-partner';

export type PartnerField = keyof Partner & string;

export const isVersionConflict = (error: unknown): boolean =>
  isApiError(error) && error.code === 'VERSION_CONFLICT';

/** The fields (of those a form edits) that differ between two versions of a partner. */
export const changedFields = (
  before: Partner,
  after: Partner,
  fields: readonly PartnerField[],
): AuditChange[] =>
  fields
    .filter((field) => !sameValue(before[field], after[field]))
    .map((field) => ({ field, before: before[field], after: after[field] }));

interface VersionConflictProps {
  /** The version the form was filled from. */
  partner: Partner;
  /** The form's fields: only changes to them are listed. */
  fields: readonly PartnerField[];
  /** The error of the last save; a VERSION_CONFLICT shows the notice. */
  error: unknown;
  /** The latest version is here: the form now saves against its version, keeping the input. */
  onLoaded: (latest: Partner) => void;
  /** The user gives up their input for the latest version. */
  onUseLatest: (latest: Partner) => void;
}

/**
 * Someone saved the partner after this form was opened (409). Nothing typed is lost: the user loads
 * the latest version, sees what the other person changed, then saves again or takes their version.
 */
export const VersionConflict = ({ partner, fields, error, onLoaded, onUseLatest }: VersionConflictProps) => {
  const { t } = useTranslation();
  const reload = useReloadPartner();
  const [base, setBase] = useState(partner);
  const [loaded, setLoaded] = useState<{ latest: Partner; changes: AuditChange[] } | null>(null);

  const loadLatest = () =>
    reload.mutate(partner.id, {
      onSuccess: (latest) => {
        setLoaded({ latest, changes: changedFields(base, latest, fields) });
        setBase(latest);
        onLoaded(latest);
      },
    });

  if (isVersionConflict(error)) {
    return (
      <Alert color="orange" variant="light" role="alert" title={t('partners.conflict.title')}>
        <Stack gap="xs">
          <Text size="sm">{t('partners.conflict.description')}</Text>
          {reload.isError && (
            <Text size="sm" c="red">
              {t(apiErrorMessageKey(reload.error))}
            </Text>
          )}
          <ErrorReference correlationId={correlationIdOf(reload.error ?? error)} />
          <Group>
            <Button size="xs" variant="default" onClick={loadLatest} loading={reload.isPending}>
              {t('partners.conflict.reload')}
            </Button>
          </Group>
        </Stack>
      </Alert>
    );
  }

  if (!loaded) return null;
  return (
    <Alert color="blue" variant="light" role="status" title={t('partners.conflict.loadedTitle')}>
      <Stack gap="xs">
        {loaded.changes.length > 0 ? (
          <>
            <Text size="sm">{t('partners.conflict.theirChanges')}</Text>
            <ChangeList entityType="partner" changes={loaded.changes} />
          </>
        ) : (
          <Text size="sm">{t('partners.conflict.noOverlap')}</Text>
        )}
        <Text size="sm">{t('partners.conflict.saveAgain')}</Text>
        <Group>
          <Button
            size="xs"
            variant="default"
            onClick={() => {
              setLoaded(null);
              onUseLatest(loaded.latest);
            }}
          >
            {t('partners.conflict.useLatest')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
};
