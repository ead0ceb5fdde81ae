import { Navigate } from 'react-router';
import { useSessionUser } from '../../features/auth/components/session-user-context';
import { navItemsFor } from '../layout/nav-items';

/** /administration leads to the first administration page the role may use. */
export const AdministrationIndex = () => {
  const { roles } = useSessionUser();
  const administration = navItemsFor(roles).find((item) => item.key === 'administration');
  // Roles without any: the users page says who may use administration.
  return <Navigate to={administration?.to ?? '/administration/users'} replace />;
};
