import type { SessionUser } from '@pardev/contracts';
import { createContext, useContext } from 'react';

export const SessionUserContext = createContext<SessionUser | null>(null);

/** The signed-in user; only valid below RequireAuth. */
export const useSessionUser = (): SessionUser => {
  const user = useContext(SessionUserContext);
  if (!user) throw new Error('useSessionUser is used outside RequireAuth');
  return user;
};
