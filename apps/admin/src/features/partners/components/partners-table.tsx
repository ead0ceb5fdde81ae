import type { Partner } from '@pardev/contracts';
import { Box, Skeleton, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n/i18n';
import { countryName } from '../../../lib/countries';
import { organisationTypeLabel } from '../../../lib/reference-labels';
import { categoryLabelKey } from './partner-category-label';

const SkeletonRows = 5;

const Missing = () => {
  const { t } = useTranslation();
  return (
    <>
      <Text span c="dimmed" aria-hidden="true">
        —
      </Text>
      <VisuallyHidden>{t('common.none')}</VisuallyHidden>
    </>
  );
};

interface PartnersTableProps {
  partners: readonly Partner[] | undefined;
  caption: string;
  busy: boolean;
}

export const PartnersTable = ({ partners, caption, busy }: PartnersTableProps) => {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);

  return (
    // A native overflow box rather than Table.ScrollContainer: focusable and named, so keyboard
    // users can scroll a wide table too (axe: scrollable-region-focusable).
    <Box style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label={caption}>
      <Table
        miw={720}
        striped
        highlightOnHover
        verticalSpacing="sm"
        aria-busy={busy}
        data-testid="partners-table"
      >
        <VisuallyHidden component="caption">{caption}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('partners.fields.name')}</Table.Th>
            <Table.Th scope="col">{t('partners.fields.acronym')}</Table.Th>
            <Table.Th scope="col">{t('partners.fields.category')}</Table.Th>
            <Table.Th scope="col">{t('partners.fields.organisationType')}</Table.Th>
            <Table.Th scope="col">{t('partners.fields.country')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {partners
            ? partners.map((partner) => (
                <Table.Tr key={partner.id}>
                  <Table.Th scope="row" fw={500}>
                    {partner.name}
                  </Table.Th>
                  <Table.Td>{partner.acronym ?? <Missing />}</Table.Td>
                  <Table.Td>{t(categoryLabelKey(partner.category))}</Table.Td>
                  <Table.Td>{organisationTypeLabel(partner.organisationType, language)}</Table.Td>
                  <Table.Td>
                    {partner.country ? countryName(partner.country, language) : <Missing />}
                  </Table.Td>
                </Table.Tr>
              ))
            : Array.from({ length: SkeletonRows }, (_, row) => (
                <Table.Tr key={row} data-testid="partners-skeleton-row">
                  {Array.from({ length: 5 }, (_, cell) => (
                    <Table.Td key={cell}>
                      <Skeleton height={14} radius="sm" />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
        </Table.Tbody>
      </Table>
    </Box>
  );
};
