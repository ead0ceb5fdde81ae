import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { buildUrl, type QueryParams } from '../../../lib/api-client';

export type ExportFormat = 'csv' | 'xlsx';

/** The export of exactly what the list shows: its search, filters and order, every page. */
export const partnersExportUrl = (query: QueryParams, format: ExportFormat): string =>
  buildUrl('/api/v1/partners/export', { ...query, page: undefined, pageSize: undefined, format });

interface ExportMenuProps {
  /** The list's query (its page and page size are left out: the export holds every page). */
  query: QueryParams;
}

/** Downloads the list as CSV or Excel; the browser saves the file the gateway names. */
export const ExportMenu = ({ query }: ExportMenuProps) => {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default">{t('partners.export.menu')}</Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component="a" href={partnersExportUrl(query, 'xlsx')} download>
          {t('partners.export.xlsx')}
        </Menu.Item>
        <Menu.Item component="a" href={partnersExportUrl(query, 'csv')} download>
          {t('partners.export.csv')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
};
