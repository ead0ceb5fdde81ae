import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ErrorCode } from '@pardev/contracts';
import { DomainError } from '@pardev/messaging';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';
import { RateLimiter } from './rate-limit';

/** Every route: at most RATE_LIMIT_PER_MINUTE requests per client address and minute (429 beyond). */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly limiter: RateLimiter;

  constructor(@Inject(GATEWAY_CONFIG) config: GatewayConfig) {
    this.limiter = new RateLimiter(config.RATE_LIMIT_PER_MINUTE);
  }

  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const waitMs = this.limiter.take(request.ip, Date.now());
    if (waitMs === 0) return true;
    void http.getResponse<FastifyReply>().header('retry-after', String(Math.ceil(waitMs / 1000)));
    throw new DomainError(ErrorCode.RateLimited, 'too many requests from this address; slow down');
  }
}
