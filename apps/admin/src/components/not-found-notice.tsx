import { Button, Group, Stack, Text, Title, type StackProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

interface NotFoundNoticeProps extends Pick<StackProps, 'p'> {
  /** What was not found, e.g. "Partner not found"; a page by default. */
  title?: string;
  description?: string;
}

/** Something the address names does not exist: says so, with the way back to the partners. */
export const NotFoundNotice = ({ title, description, ...props }: NotFoundNoticeProps) => {
  const { t } = useTranslation();
  return (
    <Stack gap="md" maw={640} {...props}>
      <Title order={1}>{title ?? t('errors.notFoundTitle')}</Title>
      <Text>{description ?? t('errors.notFoundDescription')}</Text>
      <Group>
        <Button component={Link} to="/partners">
          {t('errors.backToPartners')}
        </Button>
      </Group>
    </Stack>
  );
};
