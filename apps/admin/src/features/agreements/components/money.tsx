import type { UsdEquivalent } from '@pardev/contracts';
import { Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n/i18n';
import { formatMoney, formatNumber } from '../lib/money';

/** An amount with its currency, in the reader's language. */
export const Money = ({ minor, currency }: { minor: number; currency: string }) => {
  const { i18n } = useTranslation();
  return <>{formatMoney(minor, currency, currentLanguage(i18n))}</>;
};

/** How a USD equivalent was worked out: the rate and its month (or that it was given by hand). */
export const useRateText = () => {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  return (usd: UsdEquivalent, currency: string): string =>
    usd.rateMonth
      ? t('agreements.money.rateOfMonth', {
          rate: formatNumber(usd.ratePerUsd, language),
          currency,
          month: usd.rateMonth,
        })
      : t('agreements.money.rateGiven', { rate: formatNumber(usd.ratePerUsd, language), currency });
};

/** "≈ USD 1,085.78", the rate and its month on hover and for screen readers. */
export const UsdEquivalentText = ({ usd, currency }: { usd: UsdEquivalent | null; currency: string }) => {
  const { t, i18n } = useTranslation();
  const rateText = useRateText();
  if (currency === 'USD') return null;
  if (!usd) {
    return (
      <Text span size="sm" c="dimmed">
        {t('agreements.money.noRate')}
      </Text>
    );
  }
  const rate = rateText(usd, currency);
  const amount = formatMoney(usd.minor, 'USD', currentLanguage(i18n));
  return (
    <Tooltip label={rate} withinPortal>
      <Text
        span
        size="sm"
        c="dimmed"
        tabIndex={0}
        aria-label={`≈ ${amount} (${rate})`}
        data-testid="usd-equivalent"
      >
        ≈ {amount}
      </Text>
    </Tooltip>
  );
};
