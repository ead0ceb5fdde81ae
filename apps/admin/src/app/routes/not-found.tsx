import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export const NotFoundPage = () => {
  const { t } = useTranslation();
  return (
    <Stack gap="md" maw={640}>
      <Title order={1}>{t('errors.notFoundTitle')}</Title>
      <Text>{t('errors.notFoundDescription')}</Text>
      <Group>
        <Button component={Link} to="/partners">
          {t('errors.backToPartners')}
        </Button>
      </Group>
    </Stack>
  );
};
