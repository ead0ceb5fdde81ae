import { CloseButton, TextInput } from '@mantine/core';

interface SearchInputProps {
  label: string;
  placeholder: string;
  /** Names the button that empties the search. */
  clearLabel: string;
  value: string;
  onChange: (value: string) => void;
  onClear: () => void;
}

/** A list's search box (a searchbox with a clear button). */
export const SearchInput = ({
  label,
  placeholder,
  clearLabel,
  value,
  onChange,
  onClear,
}: SearchInputProps) => (
  <TextInput
    type="search"
    label={label}
    placeholder={placeholder}
    value={value}
    onChange={(event) => onChange(event.currentTarget.value)}
    rightSection={value ? <CloseButton size="sm" aria-label={clearLabel} onClick={onClear} /> : null}
    w={{ base: '100%', sm: 360 }}
  />
);
