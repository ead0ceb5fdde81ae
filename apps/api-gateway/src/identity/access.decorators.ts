import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { Roles as AllRoles, type Role, type SessionUser } from '@pardev/contracts';
import type { RequestOptions } from '@pardev/messaging';
import type { FastifyRequest } from 'fastify';
import { actorOf, type ActingCause } from './principal';

export const IS_PUBLIC = 'pardev:public';
export const REQUIRED_ROLES = 'pardev:roles';

/** Reachable without a session (the global AccessGuard lets it through). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** Needs a session whose user holds at least one of `roles`. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  SetMetadata(REQUIRED_ROLES, roles);

/** Needs a session, whatever the role: said explicitly, so no route is open by omission. */
export const AnyRole = (): MethodDecorator & ClassDecorator => Roles(...AllRoles);

const requestOf = (context: ExecutionContext): FastifyRequest =>
  context.switchToHttp().getRequest<FastifyRequest>();

/** The signed-in user (only on routes that are not @Public()). */
export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): SessionUser => {
  const principal = requestOf(context).principal;
  if (!principal) throw new Error('@CurrentUser() used on a route without a session');
  return principal.user;
});

/** The id of the session this request came with (only on routes that are not @Public()). */
export const CurrentSessionId = createParamDecorator((_: unknown, context: ExecutionContext): string => {
  const principal = requestOf(context).principal;
  if (!principal) throw new Error('@CurrentSessionId() used on a route without a session');
  return principal.sessionId;
});

/** Bus request options for this HTTP request: the acting user and the correlation id. */
export const BusContext = createParamDecorator((_: unknown, context: ExecutionContext): RequestOptions => {
  const request = requestOf(context);
  return {
    correlationId: request.id,
    actor: request.principal ? actorOf(request.principal.user) : undefined,
  };
});

/** The signed-in user as the actor of a change, with the request's correlation id. */
export const Acting = createParamDecorator((_: unknown, context: ExecutionContext): ActingCause => {
  const request = requestOf(context);
  if (!request.principal) throw new Error('@Acting() used on a route without a session');
  return { actor: actorOf(request.principal.user), correlationId: request.id };
});
