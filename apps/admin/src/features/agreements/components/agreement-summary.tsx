import type { Agreement } from '@pardev/contracts';
import { Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateOnly } from '../../../components/date-time';
import { currentLanguage } from '../../../i18n/i18n';
import { partnerPath } from '../../../lib/record-paths';
import { useStaffNames } from '../../../lib/staff-directory';
import { codeLabel } from '../lib/codelists';
import { agreementTypeLabel, fundingSourceLabel } from '../lib/labels';
import { AidType, EarmarkingCategory } from '@pardev/reference-data';
import { Money, UsdEquivalentText } from './money';

const Item = ({ label, children }: { label: string; children: ReactNode }) => (
  <Stack gap={2}>
    <Text size="xs" c="dimmed" tt="uppercase" fw={600} component="dt">
      {label}
    </Text>
    <Text component="dd" m={0}>
      {children}
    </Text>
  </Stack>
);

/** The agreement at a glance: partners (blocked ones marked), money with its USD equivalent, dates, officer. */
export const AgreementSummary = ({ agreement }: { agreement: Agreement }) => {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const { nameOf } = useStaffNames();
  const dash = (
    <Text span c="dimmed">
      —
    </Text>
  );
  const date = (value: string | null) => (value ? <DateOnly value={value} /> : dash);

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          {t('agreements.fields.partners')}
        </Text>
        <Group gap="xs" data-testid="agreement-partners">
          {agreement.partners.map((partner) => (
            <Group key={partner.id} gap={4}>
              <Text component={Link} to={partnerPath(partner.id)} c="blue.8" td="underline">
                {partner.acronym ? `${partner.name} (${partner.acronym})` : partner.name}
              </Text>
              {partner.blockedForNewAgreements && (
                <Badge color="red" variant="filled" tt="none">
                  {t('agreements.partnerBlocked')}
                </Badge>
              )}
            </Group>
          ))}
        </Group>
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} component="dl" spacing="lg" m={0}>
        <Item label={t('agreements.fields.total')}>
          <Stack gap={0} component="span">
            <span data-testid="agreement-total">
              <Money minor={agreement.totalMinor} currency={agreement.currency} />
            </span>
            <UsdEquivalentText usd={agreement.totalUsd} currency={agreement.currency} />
          </Stack>
        </Item>
        <Item label={t('agreements.tranches.receivedTotal')}>
          <Stack gap={0} component="span">
            <Money minor={agreement.receivedMinor} currency={agreement.currency} />
            <Text span size="sm" c="dimmed" data-testid="agreement-received-usd">
              {t('agreements.money.receivedUsd')} <Money minor={agreement.receivedUsdMinor} currency="USD" />
            </Text>
          </Stack>
        </Item>
        <Item label={t('agreements.fields.pscRatePercent')}>{`${agreement.pscRatePercent} %`}</Item>
        <Item label={t('agreements.tranches.overdue')}>{agreement.overdueTranches}</Item>
        <Item label={t('agreements.fields.type')}>{agreementTypeLabel(t, agreement.type)}</Item>
        <Item label={t('agreements.fields.fundingSource')}>
          {fundingSourceLabel(t, agreement.fundingSource)}
        </Item>
        <Item label={t('agreements.fields.earmarkingCategory')}>
          {codeLabel(EarmarkingCategory, agreement.earmarkingCategory, language)}
        </Item>
        <Item label={t('agreements.fields.aidType')}>
          {agreement.aidType ? codeLabel(AidType, agreement.aidType, language) : dash}
        </Item>
        <Item label={t('agreements.fields.startOn')}>{date(agreement.startOn)}</Item>
        <Item label={t('agreements.fields.endOn')}>{date(agreement.endOn)}</Item>
        <Item label={t('agreements.fields.signedOn')}>{date(agreement.signedOn)}</Item>
        <Item label={t('agreements.fields.responsibleOfficer')}>
          {agreement.responsibleOfficerId
            ? nameOf(agreement.responsibleOfficerId)
            : t('agreements.unassigned')}
        </Item>
      </SimpleGrid>
      {agreement.statusReason && (
        <Text size="sm">
          {t('agreements.fields.statusReason')}: {agreement.statusReason}
        </Text>
      )}
      {agreement.description && <Text size="sm">{agreement.description}</Text>}
    </Stack>
  );
};
