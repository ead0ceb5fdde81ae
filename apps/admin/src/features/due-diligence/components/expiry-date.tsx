import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateOnly } from '../../../components/date-time';
import { daysBetween, todayIsoDate } from '../../../lib/dates';

/** Within this many days a check's expiry is pointed out. */
export const ExpiresSoonDays = 30;

/** When a check expires, and in words how far that is: "expires in 12 days", "expired 3 days ago". */
export const ExpiryDate = ({ expiresOn }: { expiresOn: string | null }) => {
  const { t } = useTranslation();
  if (expiresOn === null) {
    return (
      <Text span size="sm" c="dimmed">
        {t('dueDiligence.expiry.never')}
      </Text>
    );
  }
  // A check is valid through the day it expires on; it has expired from the next day.
  const days = daysBetween(todayIsoDate(), expiresOn);
  const [hint, color] =
    days < 0
      ? [t('dueDiligence.expiry.expired', { count: -days }), 'red.9']
      : days === 0
        ? [t('dueDiligence.expiry.today'), 'orange.9']
        : [t('dueDiligence.expiry.inDays', { count: days }), days <= ExpiresSoonDays ? 'orange.9' : 'dimmed'];
  return (
    <Stack gap={0}>
      <Text span size="sm">
        <DateOnly value={expiresOn} />
      </Text>
      <Text span size="xs" c={color} fw={days <= ExpiresSoonDays ? 600 : undefined}>
        {hint}
      </Text>
    </Stack>
  );
};
