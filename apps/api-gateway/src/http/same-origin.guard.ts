import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ErrorCode } from '@pardev/contracts';
import { DomainError } from '@pardev/messaging';
import type { FastifyRequest } from 'fastify';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const originOf = (value: string | undefined): string | undefined => {
  if (!value) return undefined;
  try {
    return new URL(value).origin;
  } catch {
    return 'invalid';
  }
};

/**
 * CSRF defence (OWASP: verify the source origin): a state-changing request that a browser sent
 * from another site carries that site's Origin (or Referer) and is refused. Requests without either
 * header do not come from a browser page, so no cookie was ridden on.
 */
export const isCrossSite = (
  method: string,
  headers: { origin?: string | undefined; referer?: string | undefined },
  ownOrigins: readonly string[],
): boolean => {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  const source = originOf(headers.origin) ?? originOf(headers.referer);
  // Compared as URL origins, so `http://host:80` and `http://host` are the same site.
  return source !== undefined && !ownOrigins.some((own) => originOf(own) === source);
};

@Injectable()
export class SameOriginGuard implements CanActivate {
  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const own = [`${request.protocol}://${request.host}`, ...this.config.CORS_ORIGINS];
    const header = (name: string) => {
      const value = request.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    if (isCrossSite(request.method, { origin: header('origin'), referer: header('referer') }, own)) {
      throw new DomainError(ErrorCode.Forbidden, 'this request comes from another site and is refused');
    }
    return true;
  }
}
