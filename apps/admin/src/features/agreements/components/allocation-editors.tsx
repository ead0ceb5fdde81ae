import { hundredths, type Allocations } from '@pardev/contracts';
import { DcStrategyAreas, PbOutcomes } from '@pardev/reference-data';
import {
  ActionIcon,
  Button,
  Checkbox,
  Fieldset,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n/i18n';
import { countryOptions } from '../../../lib/countries';
import {
  policyMarkerOptions,
  regionOptions,
  sdgGoalOptions,
  sdgTargetOptions,
  sectorOptions,
  significanceOptions,
} from '../lib/codelists';
import { PercentInput } from './term-inputs';

type Recipient = Allocations['recipients'][number];
type SectorShare = Allocations['sectors'][number];

/** "60 % of 100 %": the running sum of shares, exact (in hundredths). */
export const RunningSum = ({ percents, testId }: { percents: readonly number[]; testId: string }) => {
  const { t, i18n } = useTranslation();
  const total = percents.reduce((sum, p) => sum + hundredths(p), 0);
  const format = new Intl.NumberFormat(currentLanguage(i18n), { maximumFractionDigits: 2 });
  const color = total === 10_000 ? 'green.9' : total > 10_000 ? 'red.9' : 'orange.9';
  return (
    <Text size="sm" fw={600} c={color} role="status" data-testid={testId}>
      {t('agreements.allocations.sum', { sum: format.format(total / 100) })}
    </Text>
  );
};

interface EditorProps {
  value: Allocations;
  onChange: (next: Allocations) => void;
  /** Problems to show (translated sentences), by list. */
  problems?: Partial<Record<keyof Allocations, string[]>>;
}

const Problems = ({ items }: { items: string[] | undefined }) =>
  items && items.length > 0 ? (
    <Stack gap={2}>
      {items.map((item) => (
        <Text key={item} size="sm" c="red.9">
          {item}
        </Text>
      ))}
    </Stack>
  ) : null;

const RemoveButton = ({ label, onClick }: { label: string; onClick: () => void }) => (
  <ActionIcon variant="subtle" color="red" aria-label={label} onClick={onClick} mb={4}>
    ×
  </ActionIcon>
);

const percentInput = (label: string, value: number, onChange: (next: number) => void) => (
  <PercentInput label={label} w={110} value={value} onChange={onChange} />
);

export const RecipientsEditor = ({ value, onChange, problems }: EditorProps) => {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const countries = useMemo(() => countryOptions(language), [language]);
  const regions = regionOptions(language);
  const set = (recipients: Recipient[]) => onChange({ ...value, recipients });
  const update = (index: number, change: Partial<Recipient>) =>
    set(value.recipients.map((r, i) => (i === index ? { ...r, ...change } : r)));

  return (
    <Fieldset legend={t('agreements.allocations.recipients')}>
      <Stack gap="xs">
        {value.recipients.map((recipient, index) => (
          <Group key={index} align="flex-end" gap="xs" wrap="nowrap">
            <Select
              label={t('agreements.allocations.kind')}
              w={130}
              data={[
                { value: 'COUNTRY', label: t('agreements.allocations.country') },
                { value: 'REGION', label: t('agreements.allocations.region') },
              ]}
              value={recipient.kind}
              allowDeselect={false}
              onChange={(kind) => update(index, { kind: kind === 'REGION' ? 'REGION' : 'COUNTRY', code: '' })}
            />
            <Select
              label={
                recipient.kind === 'COUNTRY'
                  ? t('agreements.allocations.country')
                  : t('agreements.allocations.region')
              }
              flex={1}
              searchable
              data={recipient.kind === 'COUNTRY' ? countries : regions}
              value={recipient.code || null}
              onChange={(code) => update(index, { code: code ?? '' })}
            />
            {percentInput(t('agreements.allocations.percent'), recipient.percent, (percent) =>
              update(index, { percent }),
            )}
            <RemoveButton
              label={t('agreements.allocations.remove', { index: index + 1 })}
              onClick={() => set(value.recipients.filter((_, i) => i !== index))}
            />
          </Group>
        ))}
        <Group justify="space-between">
          <Button
            variant="default"
            size="xs"
            onClick={() => set([...value.recipients, { kind: 'COUNTRY', code: '', percent: 0 }])}
          >
            {t('agreements.allocations.addRecipient')}
          </Button>
          <RunningSum percents={value.recipients.map((r) => r.percent)} testId="recipients-sum" />
        </Group>
        <Problems items={problems?.recipients} />
      </Stack>
    </Fieldset>
  );
};

export const SectorsEditor = ({ value, onChange, problems }: EditorProps) => {
  const { t, i18n } = useTranslation();
  const sectors = sectorOptions(currentLanguage(i18n));
  const set = (next: SectorShare[]) => onChange({ ...value, sectors: next });
  const update = (index: number, change: Partial<SectorShare>) =>
    set(value.sectors.map((s, i) => (i === index ? { ...s, ...change } : s)));
  return (
    <Fieldset legend={t('agreements.allocations.sectors')}>
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {t('agreements.allocations.sectorsHelp')}
        </Text>
        {value.sectors.map((sector, index) => (
          <Group key={index} align="flex-end" gap="xs" wrap="nowrap">
            <Select
              label={t('agreements.allocations.sector')}
              flex={1}
              searchable
              limit={50}
              data={sectors}
              value={sector.code || null}
              onChange={(code) => update(index, { code: code ?? '' })}
            />
            {percentInput(t('agreements.allocations.percent'), sector.percent, (percent) =>
              update(index, { percent }),
            )}
            <RemoveButton
              label={t('agreements.allocations.remove', { index: index + 1 })}
              onClick={() => set(value.sectors.filter((_, i) => i !== index))}
            />
          </Group>
        ))}
        <Group justify="space-between">
          <Button
            variant="default"
            size="xs"
            onClick={() => set([...value.sectors, { vocabulary: '1', code: '', percent: 0 }])}
          >
            {t('agreements.allocations.addSector')}
          </Button>
          <RunningSum percents={value.sectors.map((s) => s.percent)} testId="sectors-sum" />
        </Group>
        <Problems items={problems?.sectors} />
      </Stack>
    </Fieldset>
  );
};

export const OutcomesEditor = ({ value, onChange, problems }: EditorProps) => {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const goals = sdgGoalOptions(language);
  const targets = sdgTargetOptions(language).filter((target) =>
    value.sdgGoals.length === 0
      ? true
      : (value.sdgGoals as readonly string[]).includes(target.value.split('.')[0] ?? ''),
  );
  const markers = policyMarkerOptions(language);
  const significances = significanceOptions(language);
  const type = <T,>(v: T) => v as never;

  return (
    <Stack gap="md">
      <Fieldset legend={t('agreements.fields.pbOutcomes')}>
        <Checkbox.Group
          value={value.pbOutcomes}
          onChange={(pbOutcomes) => onChange({ ...value, pbOutcomes: type(pbOutcomes) })}
          label={t('agreements.allocations.pbOutcomesHelp')}
        >
          <SimpleGrid cols={{ base: 1, md: 2 }} mt="xs" spacing={6}>
            {PbOutcomes.map(({ code }) => (
              <Checkbox key={code} value={code} label={`${code} · ${t(`agreements.pbOutcome.${code}`)}`} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Problems items={problems?.pbOutcomes} />
      </Fieldset>
      <Fieldset legend={t('agreements.allocations.sdgs')}>
        <Stack gap="xs">
          <MultiSelect
            label={t('agreements.fields.sdgGoals')}
            data={goals}
            searchable
            value={value.sdgGoals}
            onChange={(sdgGoals) => onChange({ ...value, sdgGoals: type(sdgGoals) })}
          />
          <MultiSelect
            label={t('agreements.fields.sdgTargets')}
            data={targets}
            searchable
            limit={50}
            value={value.sdgTargets}
            onChange={(sdgTargets) => onChange({ ...value, sdgTargets: type(sdgTargets) })}
          />
        </Stack>
      </Fieldset>
      <Fieldset legend={t('agreements.fields.policyMarkers')}>
        <Stack gap="xs">
          {value.policyMarkers.map((marker, index) => (
            <Group key={index} align="flex-end" gap="xs" wrap="nowrap">
              <Select
                label={t('agreements.allocations.marker')}
                flex={1}
                data={markers}
                value={marker.code}
                allowDeselect={false}
                onChange={(code) =>
                  onChange({
                    ...value,
                    policyMarkers: value.policyMarkers.map((m, i) =>
                      i === index ? { ...m, code: type(code) } : m,
                    ),
                  })
                }
              />
              <Select
                label={t('agreements.allocations.significance')}
                w={260}
                data={significances}
                value={marker.significance}
                allowDeselect={false}
                onChange={(significance) =>
                  onChange({
                    ...value,
                    policyMarkers: value.policyMarkers.map((m, i) =>
                      i === index ? { ...m, significance: type(significance) } : m,
                    ),
                  })
                }
              />
              <RemoveButton
                label={t('agreements.allocations.remove', { index: index + 1 })}
                onClick={() =>
                  onChange({ ...value, policyMarkers: value.policyMarkers.filter((_, i) => i !== index) })
                }
              />
            </Group>
          ))}
          <Button
            variant="default"
            size="xs"
            w="fit-content"
            onClick={() => {
              const free = markers.find((m) => !value.policyMarkers.some((p) => p.code === m.value));
              if (!free) return;
              onChange({
                ...value,
                policyMarkers: [...value.policyMarkers, { code: type(free.value), significance: type('1') }],
              });
            }}
          >
            {t('agreements.allocations.addMarker')}
          </Button>
        </Stack>
      </Fieldset>
      <Select
        label={t('agreements.fields.dcStrategyArea')}
        data={DcStrategyAreas.map(({ code }) => ({
          value: code,
          label: `${code} · ${t(`agreements.dcArea.${code}`)}`,
        }))}
        value={value.dcStrategyArea}
        clearable
        onChange={(dcStrategyArea) => onChange({ ...value, dcStrategyArea: type(dcStrategyArea) })}
      />
    </Stack>
  );
};
