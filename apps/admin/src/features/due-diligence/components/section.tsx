import { Group, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface SectionProps {
  /** Id of the heading, which names the section. */
  id: string;
  title: string;
  /** The actions the signed-in user may take here, beside the heading. */
  actions?: ReactNode;
  children: ReactNode;
}

/** A section of the due-diligence tab: a heading, what may be done in it, and its content. */
export const Section = ({ id, title, actions, children }: SectionProps) => (
  <Stack gap="sm" component="section" aria-labelledby={id}>
    <Group justify="space-between" align="center" gap="sm" wrap="wrap">
      <Title order={2} size="h3" id={id}>
        {title}
      </Title>
      {actions}
    </Group>
    {children}
  </Stack>
);
