import type { BlockingReason, DueDiligence } from '@pardev/contracts';
import { Alert, Button, Group, List, Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n/i18n';
import { apiErrorMessageKey } from '../../../lib/api-error-message';
import { formatDate } from '../../../lib/dates';
import { checkTypeLabelKey, flagCategoryLabelKey } from '../../../lib/reference-labels';
import { useDueDiligence } from '../api/get-due-diligence';
import { useReaderRolesText } from '../lib/readers';

/** One reason in words, with the details this reader may see (the flag's comment, the expiry date). */
const useReasonText = (dueDiligence: DueDiligence) => {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  return (reason: BlockingReason): string => {
    if (reason.rule === 'RED_FLAG') {
      const flag = dueDiligence.flags.find((candidate) => candidate.id === reason.flagId);
      return flag
        ? t('dueDiligence.blocked.redFlag', {
            category: t(flagCategoryLabelKey(flag.category)),
            comment: flag.comment,
          })
        : t('dueDiligence.blocked.redFlagRestricted');
    }
    if (!reason.checkType) return t('dueDiligence.blocked.checkExpiredUnnamed');
    const check = t(checkTypeLabelKey(reason.checkType));
    const expiresOn = dueDiligence.checks.find((candidate) => candidate.type === reason.checkType)?.expiresOn;
    return expiresOn
      ? t('dueDiligence.blocked.checkExpired', { check, date: formatDate(expiresOn, language) })
      : t('dueDiligence.blocked.checkExpiredUndated', { check });
  };
};

const Reasons = ({ dueDiligence }: { dueDiligence: DueDiligence }) => {
  const { t } = useTranslation();
  const reasonText = useReasonText(dueDiligence);
  const roles = useReaderRolesText();
  if (dueDiligence.reasons.length === 0) {
    // A viewer may be told that the partner is blocked, not why (a red flag they may not see).
    return dueDiligence.restricted ? (
      <Text size="sm">{t('dueDiligence.blocked.reasonsRestricted', { roles })}</Text>
    ) : null;
  }
  return (
    <Stack gap={4}>
      <Text size="sm">{t('dueDiligence.blocked.intro')}</Text>
      <List size="sm" spacing={2} data-testid="blocking-reasons">
        {dueDiligence.reasons.map((reason) => (
          <List.Item key={`${reason.rule}-${reason.flagId ?? reason.checkType ?? ''}`}>
            {reasonText(reason)}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
};

interface BlockedAlertProps {
  partnerId: string;
  /** Leads to the due-diligence tab; absent when it is already shown. */
  onReview?: (() => void) | undefined;
}

/** The partner may not enter new agreements: says so at the top of its page, and why. */
export const BlockedAlert = ({ partnerId, onReview }: BlockedAlertProps) => {
  const { t } = useTranslation();
  const dueDiligence = useDueDiligence(partnerId);
  return (
    <Alert color="red" variant="light" title={t('dueDiligence.blocked.title')} data-testid="blocked-alert">
      <Stack gap="xs">
        {dueDiligence.isPending && <Skeleton height={14} width="60%" />}
        {dueDiligence.isError && (
          <Group gap="xs">
            <Text size="sm">{t(apiErrorMessageKey(dueDiligence.error))}</Text>
            <Button size="compact-xs" variant="default" onClick={() => void dueDiligence.refetch()}>
              {t('common.retry')}
            </Button>
          </Group>
        )}
        {dueDiligence.isSuccess && <Reasons dueDiligence={dueDiligence.data} />}
        {onReview && (
          <Group>
            <Button size="xs" variant="default" onClick={onReview}>
              {t('dueDiligence.blocked.review')}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
};
