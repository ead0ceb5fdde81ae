import { NotFoundNotice } from '../../components/not-found-notice';

export const NotFoundPage = () => <NotFoundNotice />;
