import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { sessionQueryKey } from '../features/auth/api/session-key';
import { createI18n } from '../i18n/i18n';
import { createQueryClient } from '../lib/query-client';
import { AppProvider } from './provider';
import { createAppRouter } from './router';

export const App = () => {
  const [queryClient] = useState(() =>
    createQueryClient({
      // A 401 on any query means the session ended: RequireAuth then sends the user to sign in.
      onUnauthenticated: (client) => client.setQueryData(sessionQueryKey, null),
    }),
  );
  const [i18n] = useState(() => createI18n());
  const [router] = useState(createAppRouter);
  return (
    <AppProvider queryClient={queryClient} i18n={i18n}>
      <RouterProvider router={router} />
    </AppProvider>
  );
};
