import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, isRouteErrorResponse, useRouteError } from 'react-router';
import { apiErrorMessageKey, correlationIdOf } from '../lib/api-error-message';
import { ErrorReference } from './error-reference';
import { NotFoundNotice } from './not-found-notice';

/** Per-page error boundary (a route's errorElement): says what happened and offers a way back. */
export const RouteErrorBoundary = () => {
  const error = useRouteError();
  const { t } = useTranslation();

  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundNotice p="md" />;

  return (
    <Stack gap="md" p="md" maw={720}>
      <Title order={1}>{t('errors.pageTitle')}</Title>
      <Alert color="red" variant="light" role="alert">
        <Stack gap="xs">
          <Text>{t(apiErrorMessageKey(error))}</Text>
          <ErrorReference correlationId={correlationIdOf(error)} />
        </Stack>
      </Alert>
      <Text>{t('errors.pageDescription')}</Text>
      <Group>
        <Button component={Link} to="/partners">
          {t('errors.backToPartners')}
        </Button>
        <Button variant="default" onClick={() => window.location.reload()}>
          {t('errors.reload')}
        </Button>
      </Group>
    </Stack>
  );
};
