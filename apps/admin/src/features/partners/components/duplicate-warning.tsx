import { Alert, Anchor, List, Text, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLanguage } from '../../../i18n/i18n';
import { countryName } from '../../../lib/countries';
import { SearchDebounceMs } from '../../../lib/list-params';
import { partnerPath } from '../../../lib/record-paths';
import { useDuplicates } from '../api/find-duplicates';
import type { DuplicatesQuery } from '../api/partner-keys';

/** Names shorter than this match too much to be worth a warning. */
const MinimumName = 3;

const duplicatesQuery = (name: string, iatiIdentifier: string): DuplicatesQuery | null => {
  const trimmedName = name.trim();
  const identifier = iatiIdentifier.trim();
  // The server needs a name (two characters at least); an identifier alone is looked up with it.
  if (trimmedName.length >= MinimumName || (identifier !== '' && trimmedName.length >= 2)) {
    return { name: trimmedName, ...(identifier === '' ? {} : { iatiIdentifier: identifier }) };
  }
  return null;
};

interface DuplicateWarningProps {
  name: string;
  iatiIdentifier: string;
}

/**
 * Warns, while a partner is being registered, of partners that may be the same one: the same IATI
 * identifier (almost certainly) or a similar name (perhaps). It never stops the registration.
 */
export const DuplicateWarning = ({ name, iatiIdentifier }: DuplicateWarningProps) => {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  // Strings are debounced (an object would be a new value on every render).
  const [debouncedName] = useDebouncedValue(name.trim(), SearchDebounceMs);
  const [debouncedIdentifier] = useDebouncedValue(iatiIdentifier.trim(), SearchDebounceMs);
  const query = duplicatesQuery(debouncedName, debouncedIdentifier);
  const duplicates = useDuplicates(query);
  const items = duplicates.data?.items ?? [];
  if (query === null || items.length === 0) return null;

  const sameIdentifier = items.some((item) => item.reason === 'same-identifier');
  const percent = new Intl.NumberFormat(language, { style: 'percent' });
  return (
    <Alert
      role="status"
      color={sameIdentifier ? 'red' : 'yellow'}
      title={t(sameIdentifier ? 'partners.duplicates.sameIdentifier' : 'partners.duplicates.similarNames')}
    >
      <Text size="sm">{t('partners.duplicates.hint')}</Text>
      <List size="sm" mt="xs">
        {items.map((item) => (
          <List.Item key={item.id}>
            <Anchor component={Link} to={partnerPath(item.id)} target="_blank" inherit>
              {item.name}
              {item.acronym ? ` (${item.acronym})` : ''}
              <VisuallyHidden>{t('partners.duplicates.newTab')}</VisuallyHidden>
            </Anchor>
            {[
              item.country && countryName(item.country, language),
              item.iatiIdentifier,
              item.reason === 'similar-name' &&
                t('partners.duplicates.similarity', { percent: percent.format(item.similarity) }),
            ]
              .filter(Boolean)
              .map((detail) => ` · ${detail}`)
              .join('')}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
};
