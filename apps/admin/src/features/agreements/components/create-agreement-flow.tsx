import type { Agreement } from '@pardev/contracts';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-error';
import { useCreateAgreement } from '../api/agreements';
import { emptyDraft, type AgreementDraft } from '../lib/agreement-draft';
import { AgreementFlow } from './agreement-flow';

interface CreateAgreementFlowProps {
  /** The officer proposed as responsible (the signed-in officer). */
  defaultOfficerId?: string | undefined;
  onCreated: (agreement: Agreement) => void;
  onCancel: () => void;
}

/** The guided creation of an agreement (the agreement flow, sent as a new draft). */
export const CreateAgreementFlow = ({ defaultOfficerId, onCreated, onCancel }: CreateAgreementFlowProps) => {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<AgreementDraft>(() => emptyDraft(defaultOfficerId));
  const create = useCreateAgreement();
  return (
    <AgreementFlow
      draft={draft}
      onDraftChange={setDraft}
      submitLabel={t('agreements.create.submit')}
      pending={create.isPending}
      error={create.error}
      showErrorAlert={create.isError}
      failedTitle={t('agreements.create.failed')}
      onCancel={onCancel}
      onSubmit={(body, goToField) =>
        create.mutate(body, {
          onSuccess: (agreement) => {
            notifications.show({
              color: 'green',
              message: t('agreements.create.created', { reference: agreement.reference }),
            });
            onCreated(agreement);
          },
          onError: (error) => {
            const field = isApiError(error) ? error.fieldErrors[0]?.field : undefined;
            if (field) goToField(field);
          },
        })
      }
    />
  );
};
