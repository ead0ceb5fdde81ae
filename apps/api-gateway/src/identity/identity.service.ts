import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { LoginRequest, Role, SessionUser } from '@pardev/contracts';
import { newId } from '@pardev/persistence';
import { QueryFailedError } from 'typeorm';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';
import {
  emailTaken,
  invalidCredentials,
  tooManyAttempts,
  unauthenticated,
  weakPassword,
} from './identity.errors';
import {
  LOGIN_WINDOW_MS,
  TOUCH_INTERVAL_MS,
  loginThrottled,
  isExpired,
  isIdle,
  needsTouch,
  normaliseEmail,
  passwordProblem,
  sessionExpiresAt,
} from './identity.rules';
import { createDummyHash, hashPassword, verifyPassword } from './password';
import type { Principal } from './principal';
import { LoginAttemptsRepository } from './login-attempts.repository';
import { SessionCache } from './session-cache';
import { SessionEntity } from './session.entity';
import { looksLikeSessionToken, newSessionToken, sessionIdOf } from './session-token';
import { SessionsRepository } from './sessions.repository';
import { UserEntity } from './user.entity';
import { toSessionUser } from './user.mapper';
import { UsersRepository } from './users.repository';

export interface NewUser {
  readonly email: string;
  readonly displayName: string;
  readonly password: string;
  readonly roles: readonly Role[];
}

export interface SignedIn {
  readonly user: SessionUser;
  /** The cookie value; never stored, never logged. */
  readonly token: string;
}

const isUniqueViolation = (error: unknown): boolean =>
  error instanceof QueryFailedError && (error.driverError as { code?: string } | undefined)?.code === '23505';

@Injectable()
export class IdentityService implements OnModuleInit {
  private dummyHash: Promise<string> | undefined;
  private readonly recentSessions: SessionCache;

  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly attempts: LoginAttemptsRepository,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {
    this.recentSessions = new SessionCache(config.SESSION_CACHE_MS);
  }

  // Computed up front so the first unknown-e-mail login is not the one slow request.
  async onModuleInit(): Promise<void> {
    await this.getDummyHash();
  }

  async login({ email, password }: LoginRequest, ip: string): Promise<SignedIn> {
    const account = normaliseEmail(email);
    const now = new Date();
    // Checked before the password, so a throttled guess is refused even when it is right.
    const recent = await this.attempts.failuresSince(account, ip, new Date(now.getTime() - LOGIN_WINDOW_MS));
    if (loginThrottled(recent)) throw tooManyAttempts();
    const user = await this.users.findByEmail(account);
    // Unknown e-mails cost one argon2 verification too, so timing does not tell them apart.
    const passwordHash = user?.passwordHash ?? (await this.getDummyHash());
    const passwordOk = await verifyPassword(passwordHash, password);
    const succeeded = Boolean(user && passwordOk && user.active);
    await this.attempts.record(account, ip, succeeded, new Date(now.getTime() - 24 * 3_600_000));
    if (!user || !succeeded) throw invalidCredentials();

    await this.sessions.deleteExpiredOf(user.id, now);
    const token = newSessionToken();
    await this.sessions.insert(
      Object.assign(new SessionEntity(), {
        id: sessionIdOf(token),
        userId: user.id,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: sessionExpiresAt(now, this.config.SESSION_TTL_HOURS),
      }),
    );
    return { user: toSessionUser(user), token };
  }

  async logout(sessionId: string): Promise<void> {
    this.recentSessions.delete(sessionId);
    await this.sessions.delete(sessionId);
  }

  /** The principal behind a session cookie; UNAUTHENTICATED for a missing, unknown or expired one. */
  async authenticate(token: string | undefined): Promise<Principal> {
    if (!looksLikeSessionToken(token)) throw unauthenticated();
    const sessionId = sessionIdOf(token);
    const cached = this.recentSessions.get(sessionId, Date.now());
    if (cached) return cached;
    const session = await this.sessions.findWithUser(sessionId);
    if (!session?.user) throw unauthenticated();
    const now = new Date();
    if (
      isExpired(session.expiresAt, now) ||
      isIdle(session.lastSeenAt, now, this.config.SESSION_IDLE_MINUTES)
    ) {
      await this.sessions.delete(sessionId);
      throw unauthenticated();
    }
    if (!session.user.active) throw unauthenticated();
    if (needsTouch(session.lastSeenAt, now)) {
      await this.sessions.touch(sessionId, now, new Date(now.getTime() - TOUCH_INTERVAL_MS));
    }
    const principal = { user: toSessionUser(session.user), sessionId };
    this.recentSessions.set(sessionId, principal, session.expiresAt.getTime(), now.getTime());
    return principal;
  }

  /** Ends every session of a user at once (on this replica; others within SESSION_CACHE_MS). */
  async endSessionsOf(userId: string): Promise<void> {
    this.recentSessions.deleteUser(userId);
    await this.sessions.deleteAllOf(userId);
  }

  async hasUsers(): Promise<boolean> {
    return (await this.users.count()) > 0;
  }

  async userExists(email: string): Promise<boolean> {
    return (await this.users.findByEmail(normaliseEmail(email))) !== null;
  }

  async createUser({ email, displayName, password, roles }: NewUser): Promise<SessionUser> {
    const problem = passwordProblem(password);
    if (problem) throw weakPassword(problem);
    const entity = Object.assign(new UserEntity(), {
      id: newId(),
      email: normaliseEmail(email),
      displayName: displayName.trim(),
      passwordHash: await hashPassword(password),
      roles: [...new Set(roles)],
      active: true,
    });
    try {
      return toSessionUser(await this.users.insert(entity));
    } catch (error) {
      if (isUniqueViolation(error)) throw emailTaken();
      throw error;
    }
  }

  private getDummyHash(): Promise<string> {
    this.dummyHash ??= createDummyHash();
    return this.dummyHash;
  }
}
