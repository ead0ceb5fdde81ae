import { MantineProvider, createTheme } from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';

export const theme = createTheme({
  primaryColor: 'blue',
  // Keyboard users always see where they are; pointer users are not distracted by rings.
  focusRing: 'auto',
  defaultRadius: 'sm',
});

interface AppProviderProps {
  queryClient: QueryClient;
  i18n: I18n;
  children: ReactNode;
}

export const AppProvider = ({ queryClient, i18n, children }: AppProviderProps) => (
  <I18nextProvider i18n={i18n}>
    <MantineProvider theme={theme}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </MantineProvider>
  </I18nextProvider>
);
