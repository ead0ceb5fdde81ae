import type { Agreement, Amendment } from '@pardev/contracts';
import { Badge, Button, Group, List, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DateOnly, DateTime } from '../../../components/date-time';
import { useTermText } from '../lib/term-text';
import type { AmendmentDecision } from './decide-amendment-dialog';

const statusColors: Readonly<Record<Amendment['status'], string>> = {
  PROPOSED: 'yellow',
  APPROVED: 'green',
  REJECTED: 'red',
};

/** "Label: text", the label dimmed. */
const LabelledText = ({ label, children }: { label: string; children: ReactNode }) => (
  <Text size="sm">
    <Text span c="dimmed" inherit>
      {label}:
    </Text>{' '}
    {children}
  </Text>
);

const ChangesList = ({ changes, currency }: { changes: Amendment['changes']; currency: string }) => {
  const text = useTermText(currency);
  return (
    <List size="sm" spacing={2} listStyleType="none">
      {changes.map((change) => (
        <List.Item key={change.field}>
          <Text span c="dimmed" inherit>
            {text.label(change.field)}:
          </Text>{' '}
          {text.value(change.field, change.before)} → {text.value(change.field, change.after)}
        </List.Item>
      ))}
    </List>
  );
};

interface AmendmentCardProps {
  amendment: Amendment;
  currency: string;
  /** Whether a proposed amendment offers approve and reject. */
  mayDecide: boolean;
  onDecide: (decision: AmendmentDecision) => void;
}

/** One amendment: its number, type and status, why, what it changes, and when it was proposed and decided. */
const AmendmentCard = ({ amendment, currency, mayDecide, onDecide }: AmendmentCardProps) => {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Stack gap={6}>
        <Group justify="space-between">
          <Group gap="xs">
            <Text fw={600}>
              {t('agreements.amendments.numbered', { sequence: amendment.sequence })} ·{' '}
              {t(`agreements.amendments.types.${amendment.type}`)}
            </Text>
            <Badge color={statusColors[amendment.status]} variant="light" tt="none">
              {t(`agreements.amendments.status.${amendment.status}`)}
            </Badge>
          </Group>
          {mayDecide && amendment.status === 'PROPOSED' && (
            <Group gap="xs">
              <Button size="xs" onClick={() => onDecide({ kind: 'approve', amendment })}>
                {t('agreements.amendments.approve')}
              </Button>
              <Button size="xs" variant="default" onClick={() => onDecide({ kind: 'reject', amendment })}>
                {t('agreements.amendments.reject')}
              </Button>
            </Group>
          )}
        </Group>
        <LabelledText label={t('agreements.amendments.reason')}>{amendment.reason}</LabelledText>
        <ChangesList changes={amendment.changes} currency={currency} />
        <Text size="xs" c="dimmed">
          {t('agreements.amendments.proposedAt')} <DateTime value={amendment.proposedAt} />
          {amendment.signedOn && (
            <>
              {' · '}
              {t('agreements.amendments.signedOn')} <DateOnly value={amendment.signedOn} />
            </>
          )}
          {amendment.makesVersion !== null &&
            ` · ${t('agreements.amendments.makesVersion', { number: amendment.makesVersion })}`}
        </Text>
        {amendment.decisionReason && (
          <LabelledText label={t('agreements.amendments.rejectReason')}>
            {amendment.decisionReason}
          </LabelledText>
        )}
      </Stack>
    </Paper>
  );
};

/** The amendments of an agreement, as the server lists them. */
export const AmendmentList = ({
  agreement,
  amendments,
  mayDecide,
  onDecide,
}: {
  agreement: Agreement;
  amendments: readonly Amendment[];
  mayDecide: boolean;
  onDecide: (decision: AmendmentDecision) => void;
}) => (
  <Stack gap="sm" data-testid="amendments">
    {amendments.map((amendment) => (
      <AmendmentCard
        key={amendment.id}
        amendment={amendment}
        currency={agreement.currency}
        mayDecide={mayDecide}
        onDecide={onDecide}
      />
    ))}
  </Stack>
);
