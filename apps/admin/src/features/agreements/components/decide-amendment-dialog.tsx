import type { Agreement, Amendment } from '@pardev/contracts';
import { Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIsoDate } from '../../../lib/dates';
import { useDecideAmendment } from '../api/amendments';
import { AmendmentFailureAlert } from './amendment-rules';
import { FormDialog } from './form-dialog';

export type AmendmentDecision = { kind: 'approve' | 'reject'; amendment: Amendment };

/** Approving a proposed amendment (with the date it was signed) or rejecting it (with why). */
export const DecideAmendmentDialog = ({
  agreement,
  decision,
  onClose,
}: {
  agreement: Agreement;
  decision: AmendmentDecision;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const decide = useDecideAmendment(agreement.id);
  const [signedOn, setSignedOn] = useState(todayIsoDate());
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const { kind, amendment } = decision;
  const approve = kind === 'approve';
  const missing = approve ? signedOn === '' : reason.trim() === '';
  const future = approve && signedOn > todayIsoDate();

  const submit = () => {
    setTried(true);
    if (missing || future) return;
    decide.mutate(
      approve
        ? { decision: 'approve', amendmentId: amendment.id, version: agreement.version, signedOn }
        : {
            decision: 'reject',
            amendmentId: amendment.id,
            version: agreement.version,
            reason: reason.trim(),
          },
      {
        onSuccess: (decided) => {
          notifications.show({
            color: 'green',
            message: approve
              ? t('agreements.amendments.approved', {
                  sequence: decided.sequence,
                  version: decided.makesVersion ?? '',
                })
              : t('agreements.amendments.rejected', { sequence: decided.sequence }),
          });
          onClose();
        },
      },
    );
  };

  return (
    <FormDialog
      title={t(approve ? 'agreements.amendments.approveTitle' : 'agreements.amendments.rejectTitle', {
        sequence: amendment.sequence,
      })}
      submitLabel={t(approve ? 'agreements.amendments.approve' : 'agreements.amendments.reject')}
      submitColor={approve ? undefined : 'red'}
      pending={decide.isPending}
      onSubmit={submit}
      onClose={onClose}
    >
      {approve ? (
        <>
          <Text size="sm">{t('agreements.amendments.approveHelp')}</Text>
          <TextInput
            type="date"
            required
            label={t('agreements.amendments.signedOn')}
            value={signedOn}
            max={todayIsoDate()}
            onChange={(e) => setSignedOn(e.currentTarget.value)}
            error={
              tried && missing
                ? t('validation.required')
                : future
                  ? t('agreements.amendments.rule.signature_date_future')
                  : undefined
            }
          />
        </>
      ) : (
        <Textarea
          required
          label={t('agreements.amendments.rejectReason')}
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={tried && missing ? t('validation.required') : undefined}
        />
      )}
      {decide.isError && (
        <AmendmentFailureAlert title={t('agreements.amendments.decideFailed')} error={decide.error} />
      )}
    </FormDialog>
  );
};
