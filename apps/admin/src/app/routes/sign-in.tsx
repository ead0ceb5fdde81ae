import { Center, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { LanguageSwitcher } from '../../components/language-switcher';
import { PageLoader } from '../../components/page-loader';
import { useSession } from '../../features/auth/api/get-session';
import { SignInForm } from '../../features/auth/components/sign-in-form';
import { redirectTargetFrom } from '../../features/auth/lib/redirect';
import { DemoDataBanner } from '../../features/meta/components/demo-data-banner';

export const SignInPage = () => {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const target = redirectTargetFrom(searchParams);
  useDocumentTitle(`${t('auth.title')} · ${t('app.name')}`);

  if (session.isPending) return <PageLoader />;
  if (session.data) return <Navigate to={target} replace />;

  return (
    <>
      <header>
        <Group justify="space-between" px="md" py="sm">
          <Text fw={700} size="lg">
            {t('app.name')}
          </Text>
          <LanguageSwitcher size="xs" w={120} />
        </Group>
      </header>
      <Center component="main" mih="80vh" px="md">
        <Container size={420} w="100%">
          <DemoDataBanner />
          <Paper withBorder p="xl" radius="md">
            <Stack gap="md">
              <Title order={1} size="h2">
                {t('auth.title')}
              </Title>
              <Text c="dimmed" size="sm">
                {t('auth.intro')}
              </Text>
              <SignInForm onSignedIn={() => void navigate(target, { replace: true })} />
            </Stack>
          </Paper>
        </Container>
      </Center>
    </>
  );
};
