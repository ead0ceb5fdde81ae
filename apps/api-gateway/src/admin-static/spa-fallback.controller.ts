import { Controller, Get, Req, Res } from '@nestjs/common';
import { ErrorCode } from '@pardev/contracts';
import { DomainError } from '@pardev/messaging';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../identity/access.decorators';
import { isSpaRoute } from './admin-static';

// Client-side routes (/partners/123 …) are not files: the SPA's index.html answers them.
@Public()
@Controller()
export class SpaFallbackController {
  // Fastify's router wants a bare trailing `*` (Express-style `*path` does not parse there).
  @Get('*')
  index(@Req() request: FastifyRequest, @Res() reply: FastifyReply): FastifyReply {
    if (!isSpaRoute(request.url))
      throw new DomainError(ErrorCode.NotFound, `nothing at ${request.url.split('?')[0]}`);
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  }
}
