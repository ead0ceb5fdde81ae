import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { PageLoader } from '../../../components/page-loader';
import { useSession } from '../api/get-session';
import { signInPathFor } from '../lib/redirect';
import { SessionUserContext } from './session-user-context';

/** Renders its children for a signed-in user; anyone else is sent to sign in and brought back. */
export const RequireAuth = ({ children }: { children: ReactNode }) => {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <PageLoader />;
  if (session.isError) throw session.error;
  if (!session.data) return <Navigate to={signInPathFor(location)} replace />;
  return <SessionUserContext value={session.data}>{children}</SessionUserContext>;
};
