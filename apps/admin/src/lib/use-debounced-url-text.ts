import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { SearchDebounceMs } from './list-params';

/**
 * A text input bound to a URL parameter (a list's search, a filter): the input answers every
 * keystroke; the URL (and so the query) follows, trimmed, once typing pauses.
 */
export const useDebouncedUrlText = (urlValue: string, write: (value: string) => void) => {
  const [text, setText] = useState(urlValue);
  const push = useDebouncedCallback((value: string) => write(value.trim()), SearchDebounceMs);
  const [synced, setSynced] = useState(urlValue);
  if (synced !== urlValue) {
    // The URL changed under us (back button, shared link): show its value, unless the user is typing.
    setSynced(urlValue);
    if (!push.isPending() && text.trim() !== urlValue) setText(urlValue);
  }

  const change = (value: string) => {
    setText(value);
    push(value);
  };
  const clear = () => {
    push.cancel();
    setText('');
    write('');
  };
  return { text, change, clear };
};
