import type { Agreement } from '@pardev/contracts';
import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ObligationsPanel } from '../../features/agreements/components/obligations-panel';
import { ReportsDueTable } from '../../features/reports/components/reports-due-table';

/** The agreement's reporting obligations (edited with a live calendar), then the reports due. */
export const AgreementObligationsTab = ({
  agreement,
  mayChange,
}: {
  agreement: Agreement;
  mayChange: boolean;
}) => {
  const { t } = useTranslation();
  return (
    <ObligationsPanel
      agreement={agreement}
      mayChange={mayChange}
      reports={
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t('agreements.obligations.reportsTitle')}
          </Title>
          <ReportsDueTable query={{ agreementId: agreement.id }} />
        </Stack>
      }
    />
  );
};
