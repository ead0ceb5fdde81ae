import type { Partner } from '@pardev/contracts';
import { Anchor, DataList, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateTime } from '../../../components/date-time';
import { MissingValue } from '../../../components/missing-value';
import { useRecordFieldText } from '../../../lib/record-fields';
import { partnerPath } from '../../../lib/record-paths';
import { partnerQueryOptions } from '../api/get-partner';
import { partnerProfileFields } from './partner-form';

/** The parent organisation, named and linked (its short id until its name is known). */
const ParentPartner = ({ id, fallback }: { id: string; fallback: string }) => {
  const parent = useQuery(partnerQueryOptions(id));
  return (
    <Anchor component={Link} to={partnerPath(id)}>
      {parent.data?.name ?? fallback}
    </Anchor>
  );
};

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
      ) : field === 'parentPartnerId' && partner.parentPartnerId !== null ? (
        <ParentPartner id={partner.parentPartnerId} fallback={fields.value(field, partner[field])} />
      ) : field === 'notes' ? (
        <Text span inherit style={{ whiteSpace: 'pre-wrap' }}>
          {partner.notes}
        </Text>
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
