import { PartnerSchema, type Partner } from '@pardev/contracts';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { RouterProvider, createMemoryRouter, type RouteObject } from 'react-router';
import { vi } from 'vitest';
import { theme } from '../app/provider';
import { createI18n } from '../i18n/i18n';
import type { Language } from '../i18n/languages';

export const createTestQueryClient = () =>
  new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } },
  });

interface RenderOptions {
  routes: RouteObject[];
  initialEntries?: string[];
  language?: Language;
  queryClient?: QueryClient;
}

/** Renders routes with every provider the app has, in memory. */
export const renderWithApp = ({
  routes,
  initialEntries = ['/'],
  language = 'en',
  queryClient,
}: RenderOptions) => {
  const client = queryClient ?? createTestQueryClient();
  const i18n = createI18n(language);
  const router = createMemoryRouter(routes, { initialEntries });
  const Providers = ({ children }: { children: ReactNode }) => (
    <I18nextProvider i18n={i18n}>
      {/* env="test" turns off transitions and portals, so dropdowns render in place at once. */}
      <MantineProvider theme={theme} env="test">
        <Notifications />
        <QueryClientProvider client={client}>{children}</QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
  const result = render(<RouterProvider router={router} />, { wrapper: Providers });
  return { ...result, router, queryClient: client, i18n };
};

export interface MockResponse {
  status?: number;
  body?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
}

/** The URL a mocked fetch was called with, as the app wrote it. */
export const requestedUrls = (fetchMock: {
  mock: { calls: [RequestInfo | URL, RequestInit?][] };
}): string[] =>
  fetchMock.mock.calls.map(([input]) => (input instanceof Request ? input.url : input.toString()));

export type FetchHandler = (request: { url: URL; method: string; body: unknown }) => MockResponse | undefined;

/** Replaces fetch; each call goes to the handler, which answers or returns undefined for a 404. */
export const mockFetch = (handler: FetchHandler) => {
  const fetchMock = vi.fn((input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input.toString(), 'http://localhost');
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    const answer = handler({ url, method, body }) ?? { status: 404, body: { message: 'not mocked' } };
    const status = answer.status ?? 200;
    return Promise.resolve(
      new Response(status === 204 ? null : JSON.stringify(answer.body ?? null), {
        status,
        headers: { 'content-type': answer.contentType ?? 'application/json', ...answer.headers },
      }),
    );
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
};

/**
 * A partner as the API answers it, parsed with its contract: a field the contract does not know is
 * dropped, a field it requires and the fixture lacks fails here rather than deep inside a test.
 */
export const partnerFixture = (overrides: Partial<Partner> = {}): Partner =>
  PartnerSchema.parse({
    id: '0190f3a2-7c4e-7b1a-9c2d-3e4f5a6b7c8d',
    name: 'Swedish International Development Cooperation Agency',
    acronym: 'SIDA',
    organisationType: '10',
    category: 'GOVERNMENT_OECD_DAC',
    country: 'SE',
    legalName: null,
    iatiIdentifier: null,
    ownership: 'PUBLIC',
    region: 'EUROPE_CENTRAL_ASIA',
    parentPartnerId: null,
    tags: [],
    notes: null,
    responsibleOfficerId: null,
    delegateIds: [],
    status: 'ACTIVE',
    blockedForNewAgreements: false,
    version: 1,
    createdAt: '2026-01-10T09:00:00.000Z',
    updatedAt: '2026-01-10T09:00:00.000Z',
    ...overrides,
  });

/** An RFC 9457 problem response, as the gateway sends it. */
export const problemResponse = (
  status: number,
  code: string,
  extra: { correlationId?: string; errors?: { field: string; rule: string; message: string }[] } = {},
): MockResponse => ({
  status,
  contentType: 'application/problem+json',
  body: { type: 'about:blank', title: code, status, code, ...extra },
});

/** The JSON bodies a mocked fetch was sent with `method`, in order. */
export const sentBodies = (
  fetchMock: { mock: { calls: [RequestInfo | URL, RequestInit?][] } },
  method: string,
): unknown[] =>
  fetchMock.mock.calls
    .filter(([, init]) => init?.method === method)
    .map(([, init]) => (typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined));

/** Colleagues of the staff directory (GET /api/v1/staff). */
export const staff = {
  olga: { id: '0190f3a2-7c4e-7b1a-9c2d-3e4f5a6b7c01', displayName: 'Olga Officer', roles: ['officer'] },
  pablo: {
    id: '0190f3a2-7c4e-7b1a-9c2d-3e4f5a6b7c02',
    displayName: 'Pablo Partnerships',
    roles: ['officer'],
  },
  ada: { id: '0190f3a2-7c4e-7b1a-9c2d-3e4f5a6b7c03', displayName: 'Ada Admin', roles: ['admin'] },
  aude: { id: '0190f3a2-7c4e-7b1a-9c2d-3e4f5a6b7c04', displayName: 'Aude Auditor', roles: ['auditor'] },
  vera: { id: '0190f3a2-7c4e-7b1a-9c2d-3e4f5a6b7c05', displayName: 'Vera Viewer', roles: ['viewer'] },
} as const;

/** The staff directory's answer to a request, honouring its `role` parameter. */
export const staffResponse = (url: URL): MockResponse => {
  const role = url.searchParams.get('role');
  return {
    body: {
      items: Object.values(staff).filter(
        (member) => !role || (member.roles as readonly string[]).includes(role),
      ),
    },
  };
};

/** A signed-in user (GET /api/v1/auth/me) for one of the colleagues above. */
export const sessionUserOf = (member: (typeof staff)[keyof typeof staff]) => ({
  id: member.id,
  email: `${member.displayName.split(' ')[0]?.toLowerCase() ?? 'user'}@pardev.test`,
  displayName: member.displayName,
  roles: [...member.roles],
});

const describedText = (input: HTMLElement): string =>
  (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ')
    .trim();

/** The error shown for an input (its description while it is marked invalid), or null. */
export const errorOf = (input: HTMLElement): string | null =>
  input.getAttribute('aria-invalid') === 'true' ? describedText(input) : null;

/** Answers what the signed-in shell asks (who am I, meta, the staff directory); `pages` answers the rest. */
export const signedInAs =
  (user: (typeof staff)[keyof typeof staff], pages: FetchHandler): FetchHandler =>
  (request) => {
    if (request.method === 'GET') {
      const { pathname } = request.url;
      if (pathname === '/api/v1/auth/me') return { body: sessionUserOf(user) };
      if (pathname === '/api/v1/meta') return { body: { demoData: false } };
      if (pathname === '/api/v1/staff') return staffResponse(request.url);
    }
    return pages(request);
  };
