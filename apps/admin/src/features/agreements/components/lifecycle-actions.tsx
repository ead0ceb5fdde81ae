import type { Agreement, AgreementAction, FieldError, TrancheSchedule } from '@pardev/contracts';
import { Alert, Button, Group, List, Modal, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-error';
import { todayIsoDate } from '../../../lib/dates';
import { useTransitionAgreement } from '../api/agreements';
import { actionOptions, lifecycleFacts } from '../lib/facts';
import { ConfirmActions, ReasonActions } from '../lib/labels';
import { useRefusalText } from '../lib/use-refusals';
import { ProblemAlert } from './problem-alert';

interface LifecycleActionsProps {
  agreement: Agreement;
  schedule: TrancheSchedule | undefined;
  /** Whether the signed-in user may move this agreement along (canChangeAgreement). */
  mayChange: boolean;
}

/** The server's refusals of a step (409 TRANSITION_REFUSED), or none. */
const isConfirmAction = (action: AgreementAction): action is 'sign' | 'terminate' | 'cancel' | 'close' =>
  ConfirmActions.includes(action);

const refusalsOf = (error: unknown): FieldError[] =>
  isApiError(error) && error.code === 'TRANSITION_REFUSED' ? [...error.fieldErrors] : [];

const TransitionDialog = ({
  agreement,
  action,
  onClose,
  sentence,
}: {
  agreement: Agreement;
  action: AgreementAction;
  onClose: () => void;
  sentence: (refusal: FieldError) => string;
}) => {
  const { t } = useTranslation();
  const transition = useTransitionAgreement();
  const needsReason = ReasonActions.includes(action);
  const isSign = action === 'sign';
  const [reason, setReason] = useState('');
  const [signedOn, setSignedOn] = useState(agreement.signedOn ?? todayIsoDate());
  const [touched, setTouched] = useState(false);
  const reasonError =
    needsReason && touched && reason.trim() === '' ? t('agreements.refusal.reason_required') : null;
  const dateError =
    isSign && touched && signedOn === ''
      ? t('agreements.refusal.signature_date_required')
      : isSign && signedOn > todayIsoDate()
        ? t('agreements.refusal.signature_date_future')
        : null;
  const refused = refusalsOf(transition.error);

  const submit = () => {
    setTouched(true);
    if ((needsReason && reason.trim() === '') || (isSign && (signedOn === '' || signedOn > todayIsoDate())))
      return;
    transition.mutate(
      {
        id: agreement.id,
        body: {
          action,
          version: agreement.version,
          reason: needsReason ? reason.trim() : null,
          signedOn: isSign ? signedOn : null,
        },
      },
      {
        onSuccess: (next) => {
          notifications.show({
            color: 'green',
            message: t('agreements.lifecycle.done', { status: t(`agreements.status.${next.status}`) }),
          });
          onClose();
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={t(`agreements.action.${action}`)} size="lg">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          {isConfirmAction(action) && <Text>{t(`agreements.lifecycle.confirm.${action}`)}</Text>}
          {isSign && (
            <TextInput
              type="date"
              label={t('agreements.fields.signedOn')}
              required
              value={signedOn}
              max={todayIsoDate()}
              onChange={(event) => setSignedOn(event.currentTarget.value)}
              error={dateError}
            />
          )}
          {needsReason && (
            <Textarea
              label={t('agreements.lifecycle.reason')}
              required
              autosize
              minRows={3}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
              error={reasonError}
            />
          )}
          {refused.length > 0 ? (
            <Alert color="red" title={t('agreements.lifecycle.refused')} role="alert">
              <List size="sm" data-testid="transition-refusals">
                {refused.map((refusal, index) => (
                  <List.Item key={`${refusal.rule}-${index}`}>{sentence(refusal)}</List.Item>
                ))}
              </List>
            </Alert>
          ) : (
            transition.isError && (
              <ProblemAlert title={t('agreements.lifecycle.failed')} error={transition.error} />
            )
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              loading={transition.isPending}
              color={action === 'terminate' || action === 'cancel' ? 'red' : undefined}
            >
              {t(`agreements.action.${action}`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
};

/**
 * The steps this agreement can take from its status: each a button, disabled with the reasons the
 * lifecycle rules give (the same rules the server applies), or enabled.
 */
export const LifecycleActions = ({ agreement, schedule, mayChange }: LifecycleActionsProps) => {
  const { t } = useTranslation();
  const facts = lifecycleFacts(agreement, schedule);
  const options = actionOptions(facts);
  const sentence = useRefusalText(agreement, facts.outstandingTranches);
  const transition = useTransitionAgreement();
  const [dialog, setDialog] = useState<AgreementAction | null>(null);
  const headingId = useId();
  const refused = refusalsOf(transition.error);

  if (!mayChange || options.length === 0) return null;

  const take = (action: AgreementAction) => {
    if (ReasonActions.includes(action) || ConfirmActions.includes(action)) {
      setDialog(action);
      return;
    }
    transition.mutate(
      { id: agreement.id, body: { action, version: agreement.version } },
      {
        onSuccess: (next) =>
          notifications.show({
            color: 'green',
            message: t('agreements.lifecycle.done', { status: t(`agreements.status.${next.status}`) }),
          }),
      },
    );
  };

  return (
    <section aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId} mb="xs">
        {t('agreements.lifecycle.title')}
      </Title>
      <Stack gap="sm">
        {options.map(({ action, refusals }) => {
          const reasonsId = `${headingId}-${action}`;
          return (
            <Stack key={action} gap={4}>
              <Group gap="sm">
                <Button
                  variant={refusals.length === 0 ? 'filled' : 'default'}
                  color={action === 'terminate' || action === 'cancel' ? 'red' : undefined}
                  disabled={refusals.length > 0}
                  aria-describedby={refusals.length > 0 ? reasonsId : undefined}
                  loading={transition.isPending && transition.variables.body.action === action}
                  onClick={() => take(action)}
                >
                  {t(`agreements.action.${action}`)}
                </Button>
              </Group>
              {refusals.length > 0 && (
                <List size="sm" c="dimmed" id={reasonsId} data-testid={`refusals-${action}`}>
                  {refusals.map((refusal, index) => (
                    <List.Item key={`${refusal.rule}-${index}`}>{sentence(refusal)}</List.Item>
                  ))}
                </List>
              )}
            </Stack>
          );
        })}
        {refused.length > 0 && (
          <Alert color="red" title={t('agreements.lifecycle.refused')} role="alert">
            <List size="sm" data-testid="transition-refusals">
              {refused.map((refusal, index) => (
                <List.Item key={`${refusal.rule}-${index}`}>{sentence(refusal)}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {transition.isError && refused.length === 0 && (
          <ProblemAlert title={t('agreements.lifecycle.failed')} error={transition.error} />
        )}
      </Stack>
      {dialog && (
        <TransitionDialog
          agreement={agreement}
          action={dialog}
          sentence={sentence}
          onClose={() => {
            setDialog(null);
          }}
        />
      )}
    </section>
  );
};
