import { useLocation, useNavigate } from 'react-router';
import { CreatePartnerModal } from '../../features/partners/components/create-partner-modal';

export const PartnerCreateRoute = () => {
  const navigate = useNavigate();
  const { search } = useLocation();
  const backToList = () => void navigate({ pathname: '/partners', search });
  return <CreatePartnerModal onClose={backToList} onCreated={backToList} />;
};
