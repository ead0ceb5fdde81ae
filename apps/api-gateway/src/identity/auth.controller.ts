import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Ip, Post, Req, Res } from '@nestjs/common';
import { LoginRequestSchema, type LoginRequest, type SessionUser } from '@pardev/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { AnyRole, CurrentSessionId, CurrentUser, Public } from './access.decorators';
import { IdentityService } from './identity.service';
import { clearSessionCookie, setSessionCookie } from './session-cookie';

@Controller('api/v1/auth')
export class AuthController {
  constructor(
    private readonly identity: IdentityService,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(HttpStatus.OK)
  async login(
    @Body(new ZodValidationPipe(LoginRequestSchema)) body: LoginRequest,
    @Ip() ip: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionUser> {
    const { user, token } = await this.identity.login(body, { ip, correlationId: request.id });
    setSessionCookie(reply, token, this.secure(request));
    return user;
  }

  @Post('logout')
  @AnyRole()
  @HttpCode(HttpStatus.NO_CONTENT)
  async logout(
    @CurrentSessionId() sessionId: string,
    @CurrentUser() user: SessionUser,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.identity.logout({ user, sessionId }, request.id);
    clearSessionCookie(reply, this.secure(request));
  }

  @Get('me')
  @AnyRole()
  me(@CurrentUser() user: SessionUser): SessionUser {
    return user;
  }

  // Secure whenever the browser came over HTTPS (directly, or via a trusted proxy's
  // X-Forwarded-Proto), and always when COOKIE_SECURE says so.
  private secure(request: FastifyRequest): boolean {
    return this.config.COOKIE_SECURE || request.protocol === 'https';
  }
}
