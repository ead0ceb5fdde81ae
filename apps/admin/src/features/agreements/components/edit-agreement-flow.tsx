import type { Agreement } from '@pardev/contracts';
import { Alert, Loader, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-error';
import { useReloadAgreement, useUpdateAgreement } from '../api/agreements';
import { AgreementConflict, reapplyDraft } from './agreement-conflict';
import { draftOf, partnerOptionsOf, type AgreementDraft } from '../lib/agreement-draft';
import { AgreementFlow } from './agreement-flow';

interface EditAgreementFlowProps {
  agreement: Agreement;
  onSaved: (agreement: Agreement) => void;
  onCancel: () => void;
}

interface Conflict {
  latest: Agreement;
  /** What the person had typed when the save was refused. */
  mine: AgreementDraft;
}

/**
 * Editing the terms of an agreement before signature, with the steps of the creation flow. A save
 * refused because someone else saved first (409) loads the latest version and shows what they
 * changed; nothing typed is lost, and the person's changes can be re-applied to the latest version.
 */
export const EditAgreementFlow = ({ agreement, onSaved, onCancel }: EditAgreementFlowProps) => {
  const { t } = useTranslation();
  const [base, setBase] = useState(agreement);
  const [draft, setDraft] = useState<AgreementDraft>(() => draftOf(agreement));
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [reapplied, setReapplied] = useState(false);
  const update = useUpdateAgreement();
  const reload = useReloadAgreement();
  const isConflict = isApiError(update.error) && update.error.code === 'VERSION_CONFLICT';

  const moveTo = (latest: Agreement, next: AgreementDraft) => {
    setBase(latest);
    setDraft(next);
    setConflict(null);
    update.reset();
  };

  const notice = conflict ? (
    <AgreementConflict
      before={base}
      latest={conflict.latest}
      base={draftOf(base)}
      latestDraft={draftOf(conflict.latest)}
      mine={conflict.mine}
      onReapply={() => {
        moveTo(conflict.latest, reapplyDraft(draftOf(base), draftOf(conflict.latest), conflict.mine));
        setReapplied(true);
      }}
      onUseLatest={() => {
        moveTo(conflict.latest, draftOf(conflict.latest));
        setReapplied(false);
      }}
    />
  ) : isConflict ? (
    <Group gap="xs" role="status">
      {reload.isError ? (
        <Text size="sm" c="red.9">
          {t('agreements.conflict.reloadFailed')}
        </Text>
      ) : (
        <>
          <Loader size="xs" />
          <Text size="sm">{t('agreements.conflict.loading')}</Text>
        </>
      )}
    </Group>
  ) : reapplied ? (
    <Alert color="blue" variant="light" role="status" title={t('agreements.conflict.reappliedTitle')}>
      {t('agreements.conflict.reapplied', { version: base.version })}
    </Alert>
  ) : null;

  return (
    <AgreementFlow
      draft={draft}
      onDraftChange={setDraft}
      knownPartners={partnerOptionsOf(agreement)}
      notice={notice}
      submitLabel={t('agreements.edit.submit')}
      pending={update.isPending || reload.isPending}
      error={update.error}
      showErrorAlert={update.isError && !isConflict}
      failedTitle={t('agreements.edit.failed')}
      onCancel={onCancel}
      onSubmit={(body, goToField) => {
        const typed = draft;
        update.mutate(
          { id: base.id, body: { ...body, signedOn: base.signedOn, version: base.version } },
          {
            onSuccess: (saved) => {
              notifications.show({
                color: 'green',
                message: t('agreements.edit.saved', { reference: saved.reference }),
              });
              onSaved(saved);
            },
            onError: (error) => {
              if (isApiError(error) && error.code === 'VERSION_CONFLICT') {
                reload.mutate(base.id, { onSuccess: (latest) => setConflict({ latest, mine: typed }) });
                return;
              }
              const field = isApiError(error) ? error.fieldErrors[0]?.field : undefined;
              if (field) goToField(field);
            },
          },
        );
      }}
    />
  );
};
