import { Paper, SimpleGrid, Text, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n/i18n';

export interface SummaryCount {
  /** What the number counts (partnerImport.count.*), e.g. "To create". */
  label: 'create' | 'update' | 'skip' | 'error' | 'created' | 'updated' | 'failed' | 'leftOut';
  count: number;
  color: MantineColor;
}

/** Counts of an import: a description list (label, then number), the number shown on top. */
export const ImportCounts = ({ counts, label }: { counts: readonly SummaryCount[]; label: string }) => {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(currentLanguage(i18n));
  return (
    <SimpleGrid cols={{ base: 2, sm: counts.length }} spacing="sm" component="dl" aria-label={label} m={0}>
      {counts.map(({ label: key, count, color }) => (
        <Paper
          key={key}
          withBorder
          p="sm"
          data-testid={`import-count-${key}`}
          style={{ display: 'flex', flexDirection: 'column-reverse' }}
        >
          <Text component="dt" size="sm" c="dimmed">
            {t(`partnerImport.count.${key}`)}
          </Text>
          <Text component="dd" m={0} fz={28} fw={700} c={count > 0 ? color : 'dimmed'}>
            {number.format(count)}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
};
