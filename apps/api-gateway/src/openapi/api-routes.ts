import {
  AssignPartnerBodySchema,
  AuditQuerySchema,
  AuditReaderRoles,
  AuditViewPageSchema,
  HistoryQuerySchema,
  PartnerEditorRoles,
  StaffListSchema,
  StaffQuerySchema,
  UpdatePartnerBodySchema,
  CreateUserRequestSchema,
  GetPartnerRequestSchema,
  ListUsersQuerySchema,
  ResetPasswordRequestSchema,
  SetRolesRequestSchema,
  UserIdParamsSchema,
  UserPageSchema,
  UserSchema,
  ListPartnerOptionsQuerySchema,
  ListPartnersQuerySchema,
  LoginRequestSchema,
  MetaSchema,
  PartnerOptionPageSchema,
  PartnerPageSchema,
  PartnerRegistrarRoles,
  PartnerSchema,
  RegisterPartnerRequestSchema,
  Roles,
  SessionUserSchema,
  type Role,
} from '@pardev/contracts';
import type { z } from 'zod';

export interface ApiRoute {
  readonly method: 'get' | 'post' | 'put';
  /** OpenAPI path template, e.g. `/api/v1/partners/{id}`. */
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  /** `public`, or the roles of which the user needs one. */
  readonly access: 'public' | readonly Role[];
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  readonly body?: z.ZodType;
  readonly success: { readonly status: number; readonly schema?: z.ZodType; readonly description: string };
  /** Error codes this route can answer with besides the ones every route can (see openapi.document.ts). */
  readonly errors?: readonly number[];
}

const anyone: readonly Role[] = Roles;

// The HTTP API, described once from the contracts' zod schemas; a test checks it against the controllers.
export const apiRoutes: readonly ApiRoute[] = [
  {
    method: 'post',
    path: '/api/v1/auth/login',
    summary: 'Sign in with e-mail and password; sets the session cookie',
    tag: 'auth',
    access: 'public',
    body: LoginRequestSchema,
    success: { status: 200, schema: SessionUserSchema, description: 'Signed in' },
    errors: [400, 401, 429],
  },
  {
    method: 'post',
    path: '/api/v1/auth/logout',
    summary: 'End the session',
    tag: 'auth',
    access: anyone,
    success: { status: 204, description: 'Signed out' },
  },
  {
    method: 'get',
    path: '/api/v1/auth/me',
    summary: 'Who is signed in',
    tag: 'auth',
    access: anyone,
    success: { status: 200, schema: SessionUserSchema, description: 'The signed-in user' },
  },
  {
    method: 'get',
    path: '/api/v1/partners',
    summary: 'List funding partners, searched by name or acronym, a page at a time',
    tag: 'partners',
    access: anyone,
    query: ListPartnersQuerySchema,
    success: { status: 200, schema: PartnerPageSchema, description: 'One page of partners' },
    errors: [400],
  },
  {
    method: 'post',
    path: '/api/v1/partners',
    summary: 'Register a funding partner',
    tag: 'partners',
    access: PartnerRegistrarRoles,
    body: RegisterPartnerRequestSchema,
    success: { status: 201, schema: PartnerSchema, description: 'Registered; `Location` names it' },
    errors: [400, 409],
  },
  {
    method: 'get',
    path: '/api/v1/partners/{id}',
    summary: 'One funding partner',
    tag: 'partners',
    access: anyone,
    params: GetPartnerRequestSchema,
    success: { status: 200, schema: PartnerSchema, description: 'The partner' },
    errors: [400, 404],
  },
  {
    method: 'put',
    path: '/api/v1/partners/{id}',
    summary:
      'Change a partner’s profile (admins; officers only where they are the responsible officer or a delegate). Send the version you read.',
    tag: 'partners',
    access: PartnerEditorRoles,
    params: GetPartnerRequestSchema,
    body: UpdatePartnerBodySchema,
    success: { status: 200, schema: PartnerSchema, description: 'The partner as it is now' },
    errors: [400, 404, 409],
  },
  {
    method: 'put',
    path: '/api/v1/partners/{id}/responsibility',
    summary:
      'Name the responsible officer and the delegates (admins, or the responsible officer). Send the version you read.',
    tag: 'partners',
    access: PartnerEditorRoles,
    params: GetPartnerRequestSchema,
    body: AssignPartnerBodySchema,
    success: { status: 200, schema: PartnerSchema, description: 'The partner as it is now' },
    errors: [400, 404, 409],
  },
  {
    method: 'get',
    path: '/api/v1/partners/{id}/history',
    summary: 'The audit trail of one partner, newest first',
    tag: 'partners',
    access: anyone,
    params: GetPartnerRequestSchema,
    query: HistoryQuerySchema,
    success: { status: 200, schema: AuditViewPageSchema, description: 'One page of the partner’s history' },
    errors: [400],
  },
  {
    method: 'get',
    path: '/api/v1/audit',
    summary: 'Search the whole audit trail (every service and identity) by user, record, action and dates',
    tag: 'audit',
    access: AuditReaderRoles,
    query: AuditQuerySchema as unknown as z.ZodObject,
    success: { status: 200, schema: AuditViewPageSchema, description: 'One page of the trail, newest first' },
    errors: [400],
  },
  {
    method: 'get',
    path: '/api/v1/staff',
    summary: 'Active colleagues by name and role (for pickers and for showing who is responsible)',
    tag: 'users',
    access: anyone,
    query: StaffQuerySchema,
    success: { status: 200, schema: StaffListSchema, description: 'Active accounts, by name' },
    errors: [400],
  },
  {
    method: 'get',
    path: '/api/v1/agreements/partner-options',
    summary: 'Partners an agreement can name (agreements-service’s directory)',
    tag: 'agreements',
    access: anyone,
    query: ListPartnerOptionsQuerySchema,
    success: { status: 200, schema: PartnerOptionPageSchema, description: 'One page of partner options' },
    errors: [400],
  },
  {
    method: 'get',
    path: '/api/v1/users',
    summary: 'List user accounts, searched by e-mail or name',
    tag: 'users',
    access: ['admin'],
    query: ListUsersQuerySchema,
    success: { status: 200, schema: UserPageSchema, description: 'One page of accounts' },
    errors: [400],
  },
  {
    method: 'post',
    path: '/api/v1/users',
    summary: 'Create a user account with its roles and a first password',
    tag: 'users',
    access: ['admin'],
    body: CreateUserRequestSchema,
    success: { status: 201, schema: UserSchema, description: 'Created' },
    errors: [400],
  },
  ...(
    [
      ['roles', 'Replace the roles of an account (its sessions end)', SetRolesRequestSchema],
      ['deactivate', 'Deactivate an account: its sessions end at once', undefined],
      ['reactivate', 'Reactivate an account', undefined],
      ['password', 'Set a new password (its sessions end)', ResetPasswordRequestSchema],
    ] as const
  ).map(([action, summary, body]): ApiRoute => ({
    method: 'post',
    path: `/api/v1/users/{id}/${action}`,
    summary,
    tag: 'users',
    access: ['admin'],
    params: UserIdParamsSchema,
    ...(body ? { body } : {}),
    success: { status: 200, schema: UserSchema, description: 'The account as it is now' },
    errors: [400, 404],
  })),
  {
    method: 'get',
    path: '/api/v1/meta',
    summary: 'About this installation (e.g. whether it holds demo data)',
    tag: 'meta',
    access: 'public',
    success: { status: 200, schema: MetaSchema, description: 'Installation facts' },
  },
];
