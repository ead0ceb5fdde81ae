import type { i18n as I18n } from 'i18next';
import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { sessionQueryKey } from '../features/auth/api/session-key';
import { createQueryClient } from '../lib/query-client';
import { AppProvider } from './provider';
import { createAppRouter } from './router';

/** The app, given an i18n instance whose catalogue is loaded (see main.tsx: no flash of keys). */
export const App = ({ i18n }: { i18n: I18n }) => {
  const [queryClient] = useState(() =>
    createQueryClient({
      // A 401 on any query means the session ended: RequireAuth then sends the user to sign in.
      onUnauthenticated: (client) => client.setQueryData(sessionQueryKey, null),
    }),
  );
  const [router] = useState(createAppRouter);
  return (
    <AppProvider queryClient={queryClient} i18n={i18n}>
      <RouterProvider router={router} />
    </AppProvider>
  );
};
