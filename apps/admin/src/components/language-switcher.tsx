import { NativeSelect, type NativeSelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n/i18n';
import { LanguageNames, Languages, isLanguage } from '../i18n/languages';

type LanguageSwitcherProps = Omit<NativeSelectProps, 'data' | 'value' | 'onChange' | 'label'>;

// A native select: every browser, screen reader and test driver knows how to operate it.
export const LanguageSwitcher = (props: LanguageSwitcherProps) => {
  const { t, i18n } = useTranslation();
  return (
    <NativeSelect
      aria-label={t('language.label')}
      value={currentLanguage(i18n)}
      onChange={(event) => {
        const next = event.currentTarget.value;
        if (isLanguage(next)) void i18n.changeLanguage(next);
      }}
      data={Languages.map((language) => ({ value: language, label: LanguageNames[language] }))}
      {...props}
    />
  );
};
