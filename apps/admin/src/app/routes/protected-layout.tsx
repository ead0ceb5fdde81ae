import { RequireAuth } from '../../features/auth/components/require-auth';
import { AppLayout } from '../layout/app-layout';

export const ProtectedLayout = () => (
  <RequireAuth>
    <AppLayout />
  </RequireAuth>
);
