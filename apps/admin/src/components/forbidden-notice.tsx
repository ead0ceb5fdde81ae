import { Alert, Stack, Title } from '@mantine/core';

interface ForbiddenNoticeProps {
  title: string;
  /** Who may use the page, in words. */
  description: string;
}

/** A page the role cannot use: says so instead of asking the server (which would refuse too). */
export const ForbiddenNotice = ({ title, description }: ForbiddenNoticeProps) => (
  <Stack gap="lg" maw={640}>
    <Title order={1}>{title}</Title>
    <Alert color="yellow" variant="light">
      {description}
    </Alert>
  </Stack>
);
