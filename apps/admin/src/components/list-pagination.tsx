import { Group, NativeSelect, Pagination } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageSizes, type ListParams } from '../lib/list-params';

interface ListPaginationProps {
  page: number;
  pages: number;
  pageSize: number;
  /** Names the pages' navigation landmark, e.g. "Pages of partners". */
  label: string;
  onChange: (changes: Partial<ListParams>) => void;
  /** Page sizes offered (default: the lists' usual ones). */
  sizes?: readonly number[];
}

const controlLabels = {
  first: 'list.firstPage',
  previous: 'list.previousPage',
  next: 'list.nextPage',
  last: 'list.lastPage',
} as const;

/** Rows per page and the pages of a server-paged list. */
export const ListPagination = ({
  page,
  pages,
  pageSize,
  label,
  onChange,
  sizes = PageSizes,
}: ListPaginationProps) => {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" wrap="wrap">
      <NativeSelect
        label={t('list.pageSize')}
        value={String(pageSize)}
        onChange={(event) => onChange({ pageSize: Number(event.currentTarget.value), page: 1 })}
        data={sizes.map((size) => String(size))}
        w={140}
      />
      <nav aria-label={label}>
        <Pagination
          total={pages}
          value={Math.min(page, pages)}
          onChange={(next) => onChange({ page: next })}
          getItemProps={(item) => ({ 'aria-label': t('list.page', { page: item }) })}
          getControlProps={(control) => ({ 'aria-label': t(controlLabels[control]) })}
          hideWithOnePage
        />
      </nav>
    </Group>
  );
};
