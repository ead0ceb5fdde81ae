import { ActionIcon, CheckIcon, CopyButton, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const CopyIcon = () => (
  <svg
    width={14}
    height={14}
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth={2}
    aria-hidden="true"
  >
    <rect x="9" y="9" width="13" height="13" rx="2" />
    <path d="M5 15H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2h9a2 2 0 0 1 2 2v1" />
  </svg>
);

interface CopyableIdProps {
  value: string;
  /** Names the copy button, e.g. "Copy correlation ID". */
  copyLabel: string;
}

/** An identifier people paste into a ticket or a log search: shown in full, copied in one click. */
export const CopyableId = ({ value, copyLabel }: CopyableIdProps) => {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      {/* Shortened on screen; the whole id is in the page (find, select) and on the clipboard. */}
      <Text size="xs" ff="monospace" truncate="end" maw={100} title={value}>
        {value}
      </Text>
      <CopyButton value={value} timeout={1500}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t('common.copied') : copyLabel} withArrow>
            <ActionIcon
              variant="subtle"
              color={copied ? 'teal' : 'gray'}
              size="sm"
              onClick={copy}
              aria-label={copied ? t('common.copied') : copyLabel}
            >
              {copied ? <CheckIcon size={12} /> : <CopyIcon />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
};
