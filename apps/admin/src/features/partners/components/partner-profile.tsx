import type { Partner } from '@pardev/contracts';
import { DataList, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from '../../../components/date-time';
import { MissingValue } from '../../../components/missing-value';
import { useRecordFieldText } from '../../../lib/record-fields';
import { partnerProfileFields } from './partner-form';

interface SectionProps {
  title: string;
  items: readonly { label: string; value: ReactNode }[];
}

const Section = ({ title, items }: SectionProps) => (
  <Paper withBorder p="md" component="section">
    <Stack gap="sm">
      <Title order={2} size="h4">
        {title}
      </Title>
      <DataList labelWidth={170}>
        {items.map(({ label, value }) => (
          <DataList.Item key={label}>
            <DataList.ItemLabel>{label}</DataList.ItemLabel>
            <DataList.ItemValue>{value}</DataList.ItemValue>
          </DataList.Item>
        ))}
      </DataList>
    </Stack>
  </Paper>
);

/** The partner's profile and who is responsible for it, read-only. */
export const PartnerProfile = ({ partner }: { partner: Partner }) => {
  const { t } = useTranslation();
  const fields = useRecordFieldText();
  const item = (field: keyof Partner & string) => ({
    label: fields.label('partner', field),
    value:
      partner[field] === null || (Array.isArray(partner[field]) && partner[field].length === 0) ? (
        <MissingValue />
      ) : (
        fields.value(field, partner[field])
      ),
  });

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <Section title={t('partners.profile.title')} items={partnerProfileFields.map(item)} />
      <Stack gap="lg">
        <Section
          title={t('partners.profile.responsibility')}
          items={[
            {
              label: fields.label('partner', 'responsibleOfficerId'),
              value:
                partner.responsibleOfficerId === null ? (
                  <Text span c="dimmed" inherit>
                    {t('partners.unassigned')}
                  </Text>
                ) : (
                  fields.value('responsibleOfficerId', partner.responsibleOfficerId)
                ),
            },
            item('delegateIds'),
          ]}
        />
        <Section
          title={t('partners.profile.record')}
          items={[
            { label: t('partners.profile.createdAt'), value: <DateTime value={partner.createdAt} /> },
            { label: t('partners.profile.updatedAt'), value: <DateTime value={partner.updatedAt} /> },
          ]}
        />
      </Stack>
    </SimpleGrid>
  );
};
