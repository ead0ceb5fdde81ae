import { lazy, Suspense } from 'react';
import { Navigate, createBrowserRouter, type RouteObject } from 'react-router';
import { PageLoader } from '../components/page-loader';
import { RouteErrorBoundary } from '../components/route-error-boundary';
import { NotFoundPage } from './routes/not-found';

// Pages load on demand: the first paint needs only the shell (budget: 170 KB gz initial JS).
// The signed-in shell is a route chunk too: it brings the API client and the contracts (zod).
const ProtectedLayout = lazy(() =>
  import('./routes/protected-layout').then((m) => ({ default: m.ProtectedLayout })),
);
const SignInPage = lazy(() => import('./routes/sign-in').then((m) => ({ default: m.SignInPage })));
const PartnersPage = lazy(() => import('./routes/partners').then((m) => ({ default: m.PartnersPage })));
const PartnerCreateRoute = lazy(() =>
  import('./routes/partner-create').then((m) => ({ default: m.PartnerCreateRoute })),
);
const PartnerPage = lazy(() => import('./routes/partner').then((m) => ({ default: m.PartnerPage })));
const ExpiringChecksPage = lazy(() =>
  import('./routes/expiring-checks').then((m) => ({ default: m.ExpiringChecksPage })),
);
const PartnerImportPage = lazy(() =>
  import('./routes/partner-import').then((m) => ({ default: m.PartnerImportPage })),
);
const UsersPage = lazy(() => import('./routes/users').then((m) => ({ default: m.UsersPage })));
const AuditTrailPage = lazy(() =>
  import('./routes/audit-trail').then((m) => ({ default: m.AuditTrailPage })),
);
const AgreementsPage = lazy(() => import('./routes/agreements').then((m) => ({ default: m.AgreementsPage })));
const AgreementCreatePage = lazy(() =>
  import('./routes/agreement-create').then((m) => ({ default: m.AgreementCreatePage })),
);
const AgreementPage = lazy(() => import('./routes/agreement').then((m) => ({ default: m.AgreementPage })));
const CurrencyRatesPage = lazy(() =>
  import('./routes/currency-rates').then((m) => ({ default: m.CurrencyRatesPage })),
);
const AdministrationIndex = lazy(() =>
  import('./routes/administration').then((m) => ({ default: m.AdministrationIndex })),
);

export const appRoutes: RouteObject[] = [
  {
    errorElement: <RouteErrorBoundary />,
    children: [
      {
        path: '/sign-in',
        element: (
          <Suspense fallback={<PageLoader />}>
            <SignInPage />
          </Suspense>
        ),
        errorElement: <RouteErrorBoundary />,
      },
      {
        path: '/',
        element: (
          <Suspense fallback={<PageLoader />}>
            <ProtectedLayout />
          </Suspense>
        ),
        errorElement: <RouteErrorBoundary />,
        children: [
          { index: true, element: <Navigate to="/partners" replace /> },
          {
            path: 'partners',
            element: <PartnersPage />,
            errorElement: <RouteErrorBoundary />,
            children: [
              {
                path: 'new',
                element: (
                  <Suspense fallback={null}>
                    <PartnerCreateRoute />
                  </Suspense>
                ),
              },
            ],
          },
          {
            path: 'partners/expiring-checks',
            element: <ExpiringChecksPage />,
            errorElement: <RouteErrorBoundary />,
          },
          {
            path: 'partners/import',
            element: <PartnerImportPage />,
            errorElement: <RouteErrorBoundary />,
          },
          { path: 'partners/:partnerId', element: <PartnerPage />, errorElement: <RouteErrorBoundary /> },
          { path: 'agreements', element: <AgreementsPage />, errorElement: <RouteErrorBoundary /> },
          { path: 'agreements/new', element: <AgreementCreatePage />, errorElement: <RouteErrorBoundary /> },
          {
            path: 'agreements/:agreementId',
            element: <AgreementPage />,
            errorElement: <RouteErrorBoundary />,
          },
          { path: 'administration', element: <AdministrationIndex /> },
          {
            path: 'administration/currency-rates',
            element: <CurrencyRatesPage />,
            errorElement: <RouteErrorBoundary />,
          },
          { path: 'administration/users', element: <UsersPage />, errorElement: <RouteErrorBoundary /> },
          {
            path: 'administration/audit',
            element: <AuditTrailPage />,
            errorElement: <RouteErrorBoundary />,
          },
          { path: '*', element: <NotFoundPage />, errorElement: <RouteErrorBoundary /> },
        ],
      },
    ],
  },
];

export const createAppRouter = () => createBrowserRouter(appRoutes);
