import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { RateLimitGuard } from '../http/rate-limit.guard';
import { SameOriginGuard } from '../http/same-origin.guard';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { UserAdminController } from './user-admin.controller';
import { UserAdminService } from './user-admin.service';
import { FIRST_ADMIN_OUTPUT, FirstAdmin, stdoutOutput } from './first-admin';
import { IdentityService } from './identity.service';
import { LoginAttemptsRepository } from './login-attempts.repository';
import { SessionCache } from './session-cache';
import { SessionRevocation } from './session-revocation';
import { SessionsRepository } from './sessions.repository';
import { StaffController } from './staff.controller';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';
import { UsersRepository } from './users.repository';

@Module({
  controllers: [AuthController, UserAdminController, StaffController],
  providers: [
    {
      provide: SessionCache,
      useFactory: (config: GatewayConfig) => new SessionCache(config.SESSION_CACHE_MS),
      inject: [GATEWAY_CONFIG],
    },
    SessionRevocation,
    UsersRepository,
    SessionsRepository,
    LoginAttemptsRepository,
    IdentityService,
    UserAdminService,
    FirstAdmin,
    { provide: FIRST_ADMIN_OUTPUT, useValue: stdoutOutput },
    // Guards run in this order: a flood is cut first, and a cross-site request is refused before
    // its session is even looked up.
    { provide: APP_GUARD, useClass: RateLimitGuard },
    { provide: APP_GUARD, useClass: SameOriginGuard },
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [IdentityService, UsersRepository],
})
export class IdentityModule {}
