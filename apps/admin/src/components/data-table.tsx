import { Box, Table, VisuallyHidden, type TableProps } from '@mantine/core';
import type { ReactNode } from 'react';

interface DataTableProps {
  /** Names the table (a hidden caption) and its scroll region. */
  caption: string;
  /** True while the rows are being refreshed. */
  busy: boolean;
  /** Below this width the table scrolls sideways rather than squeezing its columns. */
  minWidth: number;
  testId: string;
  highlightOnHover?: TableProps['highlightOnHover'];
  children: ReactNode;
}

/** A list's table: captioned, scrollable by keyboard when wide, marked busy while refreshing. */
export const DataTable = ({
  caption,
  busy,
  minWidth,
  testId,
  highlightOnHover = true,
  children,
}: DataTableProps) => (
  // A native overflow box rather than Table.ScrollContainer: focusable and named, so keyboard
  // users can scroll a wide table too (axe: scrollable-region-focusable).
  // Positioned, so the hidden caption stays inside the box instead of widening the page.
  <Box pos="relative" style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label={caption}>
    <Table
      miw={minWidth}
      striped
      highlightOnHover={highlightOnHover}
      verticalSpacing="sm"
      aria-busy={busy}
      data-testid={testId}
    >
      <VisuallyHidden component="caption">{caption}</VisuallyHidden>
      {children}
    </Table>
  </Box>
);
