import { AgreementTypes, FundingSources } from '@pardev/reference-data';
import { MultiSelect, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../i18n/i18n';
import { aidTypeOptions, earmarkingOptions, financeTypeOptions, flowTypeOptions } from '../lib/codelists';
import { agreementTypeLabel, fundingSourceLabel } from '../lib/labels';
import type { FlowStepProps } from './use-agreement-flow';
import type { PartnerPicker } from './use-partner-picker';
import { DescriptionInput } from './term-inputs';

/** Step 1: the partners, the title, the type and funding, the IATI classifications, the description. */
export const AgreementBasicsStep = ({
  draft,
  set,
  errorFor,
  partners,
}: FlowStepProps & { partners: PartnerPicker }) => {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  return (
    <>
      <MultiSelect
        label={t('agreements.fields.partners')}
        description={t('agreements.create.partnersHelp')}
        required
        searchable
        data={partners.data}
        value={draft.partnerIds}
        searchValue={partners.search}
        onSearchChange={partners.setSearch}
        filter={({ options: all }) => all}
        onChange={(ids) => set('partnerIds', ids)}
        error={errorFor('partnerIds')}
        comboboxProps={{ withinPortal: true }}
      />
      {partners.blocked.length > 0 && (
        <Text size="sm" c="dimmed" data-testid="blocked-partners-note">
          {t('agreements.create.blockedNote', {
            count: partners.blocked.length,
            names: new Intl.ListFormat(language).format(partners.blocked.map((p) => p.name)),
          })}
        </Text>
      )}
      <TextInput
        label={t('agreements.fields.title')}
        required
        value={draft.title}
        onChange={(e) => set('title', e.currentTarget.value)}
        error={errorFor('title')}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t('agreements.fields.type')}
          required
          data={AgreementTypes.map((code) => ({ value: code, label: agreementTypeLabel(t, code) }))}
          value={draft.type || null}
          onChange={(value) => set('type', value ?? '')}
          error={errorFor('type')}
        />
        <Select
          label={t('agreements.fields.fundingSource')}
          required
          data={FundingSources.map((code) => ({ value: code, label: fundingSourceLabel(t, code) }))}
          value={draft.fundingSource || null}
          onChange={(value) => set('fundingSource', value ?? '')}
          error={errorFor('fundingSource')}
        />
        <Select
          label={t('agreements.fields.earmarkingCategory')}
          required
          data={earmarkingOptions(language)}
          value={draft.earmarkingCategory || null}
          onChange={(value) => set('earmarkingCategory', value ?? '')}
          error={errorFor('earmarkingCategory')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t('agreements.fields.aidType')}
          searchable
          clearable
          data={aidTypeOptions(language)}
          value={draft.aidType || null}
          onChange={(value) => set('aidType', value ?? '')}
          error={errorFor('aidType')}
        />
        <Select
          label={t('agreements.fields.flowType')}
          clearable
          data={flowTypeOptions(language)}
          value={draft.flowType || null}
          onChange={(value) => set('flowType', value ?? '')}
          error={errorFor('flowType')}
        />
        <Select
          label={t('agreements.fields.financeType')}
          searchable
          clearable
          data={financeTypeOptions(language)}
          value={draft.financeType || null}
          onChange={(value) => set('financeType', value ?? '')}
          error={errorFor('financeType')}
        />
      </SimpleGrid>
      <DescriptionInput
        value={draft.description}
        onChange={(value) => set('description', value)}
        error={errorFor('description')}
      />
    </>
  );
};
