import type { Partner, PartnerSorts } from '@pardev/contracts';
import { Anchor, Button, Skeleton, Table, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { MissingValue } from '../../../components/missing-value';
import { currentLanguage } from '../../../i18n/i18n';
import { countryName } from '../../../lib/countries';
import { organisationTypeLabel, partnerCategoryLabelKey } from '../../../lib/reference-labels';
import { useStaffNames } from '../../../lib/staff-directory';
import { partnerPath } from '../../../lib/record-paths';
import type { PartnerLinkState } from '../lib/partner-link-state';
import { DataTable } from '../../../components/data-table';
import { SkeletonRows } from '../../../components/skeleton-rows';
import { PartnerStatusBadge } from './partner-status-badge';

const SkeletonRowCount = 5;

interface PartnersTableProps {
  partners: readonly Partner[] | undefined;
  caption: string;
  busy: boolean;
  /** Whether the actions column is shown at all (roles that may change some partners). */
  withActions: boolean;
  /** Whether the signed-in user may change this partner (the contract's rule). */
  canEdit: (partner: Partner) => boolean;
  onEdit: (partner: Partner) => void;
  /** The list's order, and a new one chosen from a column header. */
  sort?: (typeof PartnerSorts)[number];
  onSort?: (sort: (typeof PartnerSorts)[number]) => void;
}

export const PartnersTable = ({
  partners,
  caption,
  busy,
  withActions,
  canEdit,
  onEdit,
  sort,
  onSort,
}: PartnersTableProps) => {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const { nameOf, isLoading: namesLoading } = useStaffNames();
  // The list's view goes with the link, so the record page can lead back to it.
  const { search } = useLocation();
  const linkState: PartnerLinkState = { listSearch: search };
  const columns = withActions ? 8 : 7;

  return (
    <DataTable caption={caption} busy={busy} minWidth={960} testId="partners-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th
            scope="col"
            aria-sort={sort === 'name' ? 'ascending' : sort === '-name' ? 'descending' : undefined}
          >
            {onSort ? (
              // Names A–Z, then Z–A: the header says which way the list is sorted.
              <UnstyledButton
                fw={700}
                fz="inherit"
                title={t('partners.sort.byName')}
                onClick={() => onSort(sort === 'name' ? '-name' : 'name')}
              >
                {t('partners.fields.name')}
                {sort === 'name' ? ' ↑' : sort === '-name' ? ' ↓' : ''}
              </UnstyledButton>
            ) : (
              t('partners.fields.name')
            )}
          </Table.Th>
          <Table.Th scope="col">{t('partners.fields.status')}</Table.Th>
          <Table.Th scope="col">{t('partners.fields.acronym')}</Table.Th>
          <Table.Th scope="col">{t('partners.fields.category')}</Table.Th>
          <Table.Th scope="col">{t('partners.fields.organisationType')}</Table.Th>
          <Table.Th scope="col">{t('partners.fields.country')}</Table.Th>
          <Table.Th scope="col">{t('partners.fields.responsibleOfficer')}</Table.Th>
          {withActions && (
            <Table.Th scope="col">
              <VisuallyHidden>{t('partners.actions')}</VisuallyHidden>
            </Table.Th>
          )}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {partners ? (
          partners.map((partner) => (
            <Table.Tr key={partner.id}>
              <Table.Th scope="row" fw={500}>
                <Anchor component={Link} to={partnerPath(partner.id)} state={linkState} inherit>
                  {partner.name}
                </Anchor>
              </Table.Th>
              <Table.Td>
                <PartnerStatusBadge status={partner.status} />
              </Table.Td>
              <Table.Td>{partner.acronym ?? <MissingValue />}</Table.Td>
              <Table.Td>{t(partnerCategoryLabelKey(partner.category))}</Table.Td>
              <Table.Td>{organisationTypeLabel(partner.organisationType, language)}</Table.Td>
              <Table.Td>
                {partner.country ? countryName(partner.country, language) : <MissingValue />}
              </Table.Td>
              <Table.Td>
                {partner.responsibleOfficerId === null ? (
                  <Text span c="dimmed" inherit>
                    {t('partners.unassigned')}
                  </Text>
                ) : namesLoading ? (
                  <Skeleton height={14} width={96} radius="sm" />
                ) : (
                  nameOf(partner.responsibleOfficerId)
                )}
              </Table.Td>
              {withActions && (
                <Table.Td ta="right">
                  {canEdit(partner) && (
                    <Button
                      size="compact-sm"
                      variant="default"
                      aria-label={t('partners.editPartner', { name: partner.name })}
                      onClick={() => onEdit(partner)}
                    >
                      {t('partners.edit.action')}
                    </Button>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))
        ) : (
          <SkeletonRows rows={SkeletonRowCount} columns={columns} testId="partners-skeleton-row" />
        )}
      </Table.Tbody>
    </DataTable>
  );
};
