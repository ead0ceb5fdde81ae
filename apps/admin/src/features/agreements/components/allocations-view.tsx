import { allocationProblems, type Allocations } from '@pardev/contracts';
import {
  PolicyMarker,
  PolicySignificance,
  Region,
  Sector,
  UNSDGGoals,
  UNSDGTargets,
} from '@pardev/reference-data';
import { Alert, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n/i18n';
import { countryName } from '../../../lib/countries';
import { codeLabel } from '../lib/codelists';
import { RunningSum } from './allocation-editors';

const Section = ({ title, children }: { title: string; children: ReactNode }) => (
  <Stack gap="xs">
    <Title order={3} size="h5">
      {title}
    </Title>
    {children}
  </Stack>
);

/** Where the money goes and what it is for, with the running sums and what is still missing. */
export const AllocationsView = ({ allocations }: { allocations: Allocations }) => {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const problems = allocationProblems(allocations);
  const none = <Text c="dimmed">{t('common.none')}</Text>;
  const percent = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });

  return (
    <Stack gap="lg">
      {problems.length > 0 && (
        <Alert color="yellow" variant="light" title={t('agreements.allocations.incomplete')}>
          <List size="sm">
            {problems.map((problem) => (
              <List.Item key={`${problem.field}-${problem.rule}`}>
                {t(
                  `agreements.refusal.allocation.${problem.rule === 'sum_100' ? 'sum_100' : 'required'}.${problem.field.split('.')[1] as 'recipients'}`,
                )}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <Section title={t('agreements.allocations.recipients')}>
          {allocations.recipients.length === 0 ? (
            none
          ) : (
            <Table>
              <Table.Tbody>
                {allocations.recipients.map((r) => (
                  <Table.Tr key={`${r.kind}-${r.code}`}>
                    <Table.Td>
                      {r.kind === 'COUNTRY'
                        ? countryName(r.code, language)
                        : codeLabel(Region, r.code, language)}
                    </Table.Td>
                    <Table.Td ta="right">{percent.format(r.percent)} %</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <RunningSum percents={allocations.recipients.map((r) => r.percent)} testId="view-recipients-sum" />
        </Section>
        <Section title={t('agreements.allocations.sectors')}>
          {allocations.sectors.length === 0 ? (
            none
          ) : (
            <Table>
              <Table.Tbody>
                {allocations.sectors.map((s) => (
                  <Table.Tr key={`${s.vocabulary}-${s.code}`}>
                    <Table.Td>
                      {s.code} · {codeLabel(Sector, s.code, language)}
                    </Table.Td>
                    <Table.Td ta="right">{percent.format(s.percent)} %</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <RunningSum percents={allocations.sectors.map((s) => s.percent)} testId="view-sectors-sum" />
        </Section>
        <Section title={t('agreements.fields.pbOutcomes')}>
          {allocations.pbOutcomes.length === 0 ? (
            none
          ) : (
            <List size="sm">
              {allocations.pbOutcomes.map((code) => (
                <List.Item key={code}>
                  {code} · {t(`agreements.pbOutcome.${code as '1'}`)}
                </List.Item>
              ))}
            </List>
          )}
        </Section>
        <Section title={t('agreements.allocations.sdgs')}>
          {allocations.sdgGoals.length + allocations.sdgTargets.length === 0 ? (
            none
          ) : (
            <List size="sm">
              {allocations.sdgGoals.map((code) => (
                <List.Item key={`g${code}`}>
                  {t('agreements.allocations.sdgGoal', { code })} · {codeLabel(UNSDGGoals, code, language)}
                </List.Item>
              ))}
              {allocations.sdgTargets.map((code) => (
                <List.Item key={`t${code}`}>
                  {code} · {codeLabel(UNSDGTargets, code, language)}
                </List.Item>
              ))}
            </List>
          )}
        </Section>
        <Section title={t('agreements.fields.policyMarkers')}>
          {allocations.policyMarkers.length === 0 ? (
            none
          ) : (
            <List size="sm">
              {allocations.policyMarkers.map((m) => (
                <List.Item key={m.code}>
                  {codeLabel(PolicyMarker, m.code, language)} ·{' '}
                  {codeLabel(PolicySignificance, m.significance, language)}
                </List.Item>
              ))}
            </List>
          )}
        </Section>
        <Section title={t('agreements.fields.dcStrategyArea')}>
          {allocations.dcStrategyArea ? (
            <Text>
              {allocations.dcStrategyArea} · {t(`agreements.dcArea.${allocations.dcStrategyArea as '1'}`)}
            </Text>
          ) : (
            none
          )}
        </Section>
      </SimpleGrid>
    </Stack>
  );
};
