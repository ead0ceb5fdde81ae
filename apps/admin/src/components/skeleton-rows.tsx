import { Skeleton, Table } from '@mantine/core';

interface SkeletonRowsProps {
  rows: number;
  columns: number;
  /** data-testid of each row. */
  testId: string;
}

/** Stand-in rows while a table's first page loads: never a blank table. */
export const SkeletonRows = ({ rows, columns, testId }: SkeletonRowsProps) =>
  Array.from({ length: rows }, (_, row) => (
    <Table.Tr key={row} data-testid={testId}>
      {Array.from({ length: columns }, (_, cell) => (
        <Table.Td key={cell}>
          <Skeleton height={14} radius="sm" />
        </Table.Td>
      ))}
    </Table.Tr>
  ));
