import type { TrancheSchedule } from '@pardev/contracts';
import { Box, Group, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n/i18n';
import { formatMoney } from '../lib/money';

const BarHeight = 14;
const RowHeight = 44;
const LabelWidth = 90;
const Width = 560;

/**
 * Planned vs received per tranche as an inline SVG: two bars a tranche, scaled to the largest
 * amount; the same figures in a hidden table for screen readers (the SVG is decorative to them).
 */
export const TrancheChart = ({ schedule }: { schedule: TrancheSchedule }) => {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const items = schedule.items.filter((tranche) => tranche.status !== 'CANCELLED');
  if (items.length === 0) return null;
  const max = Math.max(1, ...items.map((tr) => Math.max(tr.amountMinor, tr.receivedMinor ?? 0)));
  // Widths are for drawing only; amounts shown are the exact integers formatted.
  const width = (minor: number) => Math.round(((Width - LabelWidth - 10) * minor) / max);
  const height = items.length * RowHeight + 8;
  const money = (minor: number) => formatMoney(minor, schedule.currency, language);

  return (
    <figure style={{ margin: 0 }}>
      <Group gap="md" mb={4} aria-hidden="true">
        <Group gap={4}>
          <Box w={12} h={12} bg="blue.3" />
          <Text size="xs">{t('agreements.tranches.planned')}</Text>
        </Group>
        <Group gap={4}>
          <Box w={12} h={12} bg="green.7" />
          <Text size="xs">{t('agreements.tranches.received')}</Text>
        </Group>
      </Group>
      <svg
        width="100%"
        viewBox={`0 0 ${Width} ${height}`}
        role="img"
        aria-labelledby="tranche-chart-caption"
        data-testid="tranche-chart"
      >
        {items.map((tranche, index) => {
          const y = index * RowHeight + 4;
          return (
            <g key={tranche.id}>
              <text x={0} y={y + BarHeight} fontSize={12} fill="currentColor">
                {t('agreements.tranches.number', { sequence: tranche.sequence })}
              </text>
              <rect
                x={LabelWidth}
                y={y}
                width={width(tranche.amountMinor)}
                height={BarHeight}
                fill="var(--mantine-color-blue-3)"
              >
                <title>{`${t('agreements.tranches.planned')}: ${money(tranche.amountMinor)}`}</title>
              </rect>
              <rect
                x={LabelWidth}
                y={y + BarHeight + 4}
                width={width(tranche.receivedMinor ?? 0)}
                height={BarHeight}
                fill="var(--mantine-color-green-7)"
              >
                <title>{`${t('agreements.tranches.received')}: ${money(tranche.receivedMinor ?? 0)}`}</title>
              </rect>
            </g>
          );
        })}
      </svg>
      <figcaption id="tranche-chart-caption">
        <VisuallyHidden>
          {t('agreements.tranches.chartCaption')}{' '}
          {items
            .map((tranche) =>
              t('agreements.tranches.chartItem', {
                sequence: tranche.sequence,
                planned: money(tranche.amountMinor),
                received: money(tranche.receivedMinor ?? 0),
              }),
            )
            .join('; ')}
        </VisuallyHidden>
      </figcaption>
    </figure>
  );
};
