import { UnsignedStatuses, type Agreement } from '@pardev/contracts';
import { Alert, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { sameValue } from '../../../lib/record-fields';
import { parseAmount } from '../lib/money';
import { useTermText } from '../lib/term-text';
import type { AgreementDraft } from '../lib/agreement-draft';

/** A draft field by field, as the contract names them (the amount as minor units, allocations by list). */
export const flatDraft = (draft: AgreementDraft): Record<string, unknown> => ({
  partnerIds: draft.partnerIds,
  title: draft.title.trim(),
  type: draft.type,
  fundingSource: draft.fundingSource,
  earmarkingCategory: draft.earmarkingCategory,
  aidType: draft.aidType,
  flowType: draft.flowType,
  financeType: draft.financeType,
  description: draft.description.trim(),
  currency: draft.currency,
  totalMinor: parseAmount(draft.amount, draft.currency) ?? draft.amount,
  pscRatePercent: draft.pscRatePercent,
  startOn: draft.startOn,
  endOn: draft.endOn,
  responsibleOfficerId: draft.responsibleOfficerId,
  ...Object.fromEntries(
    Object.entries(draft.allocations).map(([list, value]) => [`allocations.${list}`, value as unknown]),
  ),
});

/**
 * The person's changes (what differs from the version they opened) applied to the latest version:
 * fields they did not touch take the other person's values, fields they changed keep theirs.
 */
export const reapplyDraft = (
  base: AgreementDraft,
  latest: AgreementDraft,
  mine: AgreementDraft,
): AgreementDraft => {
  const before = flatDraft(base);
  const edited = flatDraft(mine);
  const touched = (field: string) => !sameValue(edited[field], before[field]);
  const result: AgreementDraft = { ...latest, allocations: { ...latest.allocations } };
  const target = result as unknown as Record<string, unknown>;
  const source = mine as unknown as Record<string, unknown>;
  for (const key of Object.keys(mine) as (keyof AgreementDraft)[]) {
    if (key === 'allocations' || key === 'amount' || key === 'currency') continue;
    if (touched(key)) target[key] = source[key];
  }
  if (touched('totalMinor') || touched('currency')) {
    result.amount = mine.amount;
    result.currency = mine.currency;
  }
  const lists = result.allocations as unknown as Record<string, unknown>;
  for (const [list, value] of Object.entries(mine.allocations)) {
    if (touched(`allocations.${list}`)) lists[list] = value;
  }
  return result;
};

export interface TermConflictRow {
  field: string;
  before: unknown;
  now: unknown;
  mine: unknown;
  /** Changed by both people, differently: the person's value is kept when re-applied. */
  both: boolean;
}

/** The fields someone else changed between the version the person opened and the latest one. */
export const conflictRows = (
  base: AgreementDraft,
  latest: AgreementDraft,
  mine: AgreementDraft,
): TermConflictRow[] => {
  const before = flatDraft(base);
  const now = flatDraft(latest);
  const edited = flatDraft(mine);
  return Object.keys(now)
    .filter((field) => !sameValue(before[field], now[field]))
    .map((field) => ({
      field,
      before: before[field],
      now: now[field],
      mine: edited[field],
      both: !sameValue(edited[field], before[field]) && !sameValue(edited[field], now[field]),
    }));
};

interface AgreementConflictProps {
  /** The version the person edited. */
  before: Agreement;
  /** The version on the server now. */
  latest: Agreement;
  base: AgreementDraft;
  latestDraft: AgreementDraft;
  mine: AgreementDraft;
  onReapply: () => void;
  onUseLatest: () => void;
}

/**
 * Someone saved the agreement while it was being edited (409 VERSION_CONFLICT): what they changed,
 * field by field (as it was, as it is now, as the person typed it), and the ways on.
 */
export const AgreementConflict = ({
  before,
  latest,
  base,
  latestDraft,
  mine,
  onReapply,
  onUseLatest,
}: AgreementConflictProps) => {
  const { t } = useTranslation();
  const names = useMemo(
    () => new Map([...before.partners, ...latest.partners].map((p) => [p.id, p.name] as const)),
    [before, latest],
  );
  const text = useTermText(latest.currency, names);
  const rows = conflictRows(base, latestDraft, mine);
  const stillEditable = UnsignedStatuses.includes(latest.status);

  return (
    <Alert
      color="orange"
      variant="light"
      role="alert"
      title={t('agreements.conflict.title')}
      data-testid="agreement-conflict"
    >
      <Stack gap="sm">
        <Text size="sm">
          {t('agreements.conflict.description', { from: before.version, to: latest.version })}
        </Text>
        {!stillEditable ? (
          <Text size="sm" fw={600}>
            {t('agreements.conflict.nowSigned', { status: t(`agreements.status.${latest.status}`) })}
          </Text>
        ) : rows.length === 0 ? (
          <Text size="sm">{t('agreements.conflict.noTermChanges')}</Text>
        ) : (
          <Table withTableBorder fz="sm" aria-label={t('agreements.conflict.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('agreements.conflict.field')}</Table.Th>
                <Table.Th scope="col">{t('agreements.conflict.before')}</Table.Th>
                <Table.Th scope="col">{t('agreements.conflict.now')}</Table.Th>
                <Table.Th scope="col">{t('agreements.conflict.mine')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.field} data-testid={`conflict-${row.field}`}>
                  <Table.Th scope="row">{text.label(row.field)}</Table.Th>
                  <Table.Td>{text.value(row.field, row.before)}</Table.Td>
                  <Table.Td>{text.value(row.field, row.now)}</Table.Td>
                  <Table.Td>
                    <Group gap={6}>
                      <span>{text.value(row.field, row.mine)}</span>
                      {row.both && (
                        <Badge color="orange" variant="outline" tt="none">
                          {t('agreements.conflict.bothChanged')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {stillEditable && (
          <>
            <Text size="sm">{t('agreements.conflict.reapplyHelp')}</Text>
            <Group>
              <Button size="xs" onClick={onReapply}>
                {t('agreements.conflict.reapply')}
              </Button>
              <Button size="xs" variant="default" onClick={onUseLatest}>
                {t('agreements.conflict.useLatest')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Alert>
  );
};
