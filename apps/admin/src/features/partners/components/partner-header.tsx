import type { Partner } from '@pardev/contracts';
import { Anchor, Badge, Breadcrumbs, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLanguage } from '../../../i18n/i18n';
import { countryName } from '../../../lib/countries';
import { organisationTypeLabel, partnerCategoryLabelKey } from '../../../lib/reference-labels';
import { PartnerStatusBadge } from './partner-status-badge';

interface PartnerHeaderProps {
  partner: Partner;
  /** The list view the page was opened from, to lead back to it ('' for the whole list). */
  listSearch: string;
  /** The actions the signed-in user may take on this partner. */
  actions: ReactNode;
}

/** What the record is: a funding partner, its name and acronym, its status, category, country and type. */
export const PartnerHeader = ({ partner, listSearch, actions }: PartnerHeaderProps) => {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const facts = [
    partner.country ? countryName(partner.country, language) : null,
    organisationTypeLabel(partner.organisationType, language),
  ].filter((fact): fact is string => fact !== null);

  return (
    <Stack gap="sm">
      <nav aria-label={t('partners.record.breadcrumb')}>
        <Breadcrumbs>
          <Anchor component={Link} to={{ pathname: '/partners', search: listSearch }} size="sm">
            {t('partners.title')}
          </Anchor>
          <Text size="sm" aria-current="page">
            {partner.acronym ?? partner.name}
          </Text>
        </Breadcrumbs>
      </nav>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
        <Stack gap={6}>
          <Text size="xs" tt="uppercase" fw={700} c="dimmed">
            {t('partners.record.kind')}
          </Text>
          <Group gap="sm" align="center" wrap="wrap">
            <Title order={1}>{partner.name}</Title>
            {partner.acronym && (
              <Badge size="lg" variant="outline" color="gray" tt="none">
                {partner.acronym}
              </Badge>
            )}
            <PartnerStatusBadge status={partner.status} size="lg" />
          </Group>
          <Group gap="xs" wrap="wrap">
            <Badge variant="light" tt="none">
              {t(partnerCategoryLabelKey(partner.category))}
            </Badge>
            <Text size="sm" c="dimmed">
              {facts.join(' · ')}
            </Text>
          </Group>
        </Stack>
        <Group gap="sm">{actions}</Group>
      </Group>
    </Stack>
  );
};
