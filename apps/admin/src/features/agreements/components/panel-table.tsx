import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A short dimmed sentence in a panel: why there is nothing to show, or what the rules allow. */
export const PanelNote = ({ children }: { children: ReactNode }) => (
  <Text size="sm" c="dimmed">
    {children}
  </Text>
);

interface PanelTableProps {
  /** The column headers, in order. */
  columns: readonly ReactNode[];
  testId: string;
  striped?: boolean;
  /** Shown instead of the table when there are no rows. */
  empty?: { when: boolean; text: ReactNode };
  /** The rows (`Table.Tr`). */
  children: ReactNode;
}

/** A small table inside a record's panel: bordered, with column headers, or a note when empty. */
export const PanelTable = ({ columns, testId, striped, empty, children }: PanelTableProps) =>
  empty?.when ? (
    <PanelNote>{empty.text}</PanelNote>
  ) : (
    <Table withTableBorder striped={striped} fz="sm" data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          {columns.map((column, index) => (
            <Table.Th key={index} scope="col">
              {column}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>{children}</Table.Tbody>
    </Table>
  );
