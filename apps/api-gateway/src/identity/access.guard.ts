import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@pardev/contracts';
import type { FastifyRequest } from 'fastify';
import { IS_PUBLIC, REQUIRED_ROLES } from './access.decorators';
import { forbidden } from './identity.errors';
import { hasAnyRole } from './identity.rules';
import { IdentityService } from './identity.service';
import { SESSION_COOKIE } from './session-token';

/** Global (APP_GUARD): every route needs a valid session unless @Public(); @Roles() narrows it further. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly identity: IdentityService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const principal = await this.identity.authenticate(request.cookies[SESSION_COOKIE]);
    request.principal = principal;
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets) ?? [];
    if (!hasAnyRole(principal.user.roles, required)) throw forbidden(required);
    return true;
  }
}
