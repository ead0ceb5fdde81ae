import { FinanceRoles } from '@pardev/contracts';
import { Stack, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ForbiddenNotice } from '../../components/forbidden-notice';
import { CurrencyRates } from '../../features/agreements/components/currency-rates';
import { useSessionUser } from '../../features/auth/components/session-user-context';
import { hasAnyRole } from '../../lib/roles';

export const CurrencyRatesPage = () => {
  const { t } = useTranslation();
  const user = useSessionUser();
  useDocumentTitle(`${t('agreements.rates.title')} · ${t('app.name')}`);
  if (!hasAnyRole(user.roles, FinanceRoles)) {
    return (
      <ForbiddenNotice title={t('agreements.rates.title')} description={t('agreements.rates.forbidden')} />
    );
  }
  return (
    <Stack gap="lg">
      <Title order={1}>{t('agreements.rates.title')}</Title>
      <CurrencyRates />
    </Stack>
  );
};
