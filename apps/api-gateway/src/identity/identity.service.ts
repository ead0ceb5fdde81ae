import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { LoginRequest, Role, SessionUser } from '@pardev/contracts';
import { AuditTrail, changesBetween, newId, type AuditCause } from '@pardev/persistence';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
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
import { actorOf, type Principal } from './principal';
import { LoginAttemptsRepository } from './login-attempts.repository';
import { SessionCache } from './session-cache';
import { SessionRevocation } from './session-revocation';
import { SessionEntity } from './session.entity';
import { looksLikeSessionToken, newSessionToken, sessionIdOf } from './session-token';
import { SessionsRepository } from './sessions.repository';
import { UserEntity } from './user.entity';
import { auditedUserFields, toSessionUser } from './user.mapper';
import { UsersRepository } from './users.repository';

export interface NewUser {
  readonly email: string;
  readonly displayName: string;
  readonly password: string;
  readonly roles: readonly Role[];
}

/** Where a sign-in comes from: for throttling and for the audit trail. */
export interface SignInOrigin {
  readonly ip: string;
  readonly correlationId: string;
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

  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly attempts: LoginAttemptsRepository,
    private readonly recentSessions: SessionCache,
    private readonly revocation: SessionRevocation,
    private readonly audit: AuditTrail,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  // Computed up front so the first unknown-e-mail login is not the one slow request.
  async onModuleInit(): Promise<void> {
    await this.getDummyHash();
  }

  async login({ email, password }: LoginRequest, origin: SignInOrigin): Promise<SignedIn> {
    const account = normaliseEmail(email);
    const now = new Date();
    const user = await this.users.findByEmail(account);
    // Checked before the password, so a throttled guess is refused even when it is right.
    const recent = await this.attempts.failuresSince(
      account,
      origin.ip,
      new Date(now.getTime() - LOGIN_WINDOW_MS),
    );
    if (loginThrottled(recent)) {
      await this.signInFailed(user, 'too many failed attempts: refused before checking the password', origin);
      throw tooManyAttempts();
    }
    // Unknown e-mails cost one argon2 verification too, so timing does not tell them apart.
    const passwordHash = user?.passwordHash ?? (await this.getDummyHash());
    const passwordOk = await verifyPassword(passwordHash, password);
    const succeeded = Boolean(user && passwordOk && user.active);
    await this.attempts.record(account, origin.ip, succeeded, new Date(now.getTime() - 24 * 3_600_000));
    if (!user || !succeeded) {
      const why = !user
        ? 'no account has this e-mail address'
        : passwordOk
          ? 'the account is deactivated'
          : 'wrong password';
      await this.signInFailed(user, why, origin);
      throw invalidCredentials();
    }

    const token = newSessionToken();
    await this.dataSource.transaction(async (manager) => {
      await this.sessions.deleteExpiredOf(manager, user.id, now);
      await this.sessions.insert(
        manager,
        Object.assign(new SessionEntity(), {
          id: sessionIdOf(token),
          userId: user.id,
          createdAt: now,
          lastSeenAt: now,
          expiresAt: sessionExpiresAt(now, this.config.SESSION_TTL_HOURS),
        }),
      );
      await this.audit.record(
        manager,
        { action: 'auth.signed-in', entityType: 'user', entityId: user.id, note: `from ${origin.ip}` },
        { actor: actorOf(toSessionUser(user)), correlationId: origin.correlationId },
      );
    });
    return { user: toSessionUser(user), token };
  }

  async logout(principal: Principal, correlationId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.sessions.delete(principal.sessionId, manager);
      await this.revocation.announce(manager, { sessionId: principal.sessionId });
      await this.audit.record(
        manager,
        { action: 'auth.signed-out', entityType: 'user', entityId: principal.user.id },
        { actor: actorOf(principal.user), correlationId },
      );
    });
  }

  /** The principal behind a session cookie; UNAUTHENTICATED for a missing, unknown or expired one. */
  async authenticate(token: string | undefined): Promise<Principal> {
    if (!looksLikeSessionToken(token)) throw unauthenticated();
    const sessionId = sessionIdOf(token);
    const cached = this.recentSessions.get(sessionId, Date.now());
    if (cached) return cached;
    const mark = this.recentSessions.mark();
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
    this.recentSessions.set(sessionId, principal, session.expiresAt.getTime(), now.getTime(), mark);
    return principal;
  }

  /** Ends every session of a user, on every replica, when `manager`'s transaction commits. */
  async endSessionsOf(manager: EntityManager, userId: string): Promise<void> {
    await this.sessions.deleteAllOf(manager, userId);
    await this.revocation.announce(manager, { userId });
  }

  async hasUsers(): Promise<boolean> {
    return (await this.users.count()) > 0;
  }

  async userExists(email: string): Promise<boolean> {
    return (await this.users.findByEmail(normaliseEmail(email))) !== null;
  }

  /** Creates an account and records who invited it (no actor: the first admin, from configuration). */
  async createUser(
    { email, displayName, password, roles }: NewUser,
    cause: AuditCause,
    note: string | null = null,
  ): Promise<SessionUser> {
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
      return await this.dataSource.transaction(async (manager) => {
        const user = await this.users.insert(manager, entity);
        await this.audit.record(
          manager,
          {
            action: 'user.invited',
            entityType: 'user',
            entityId: user.id,
            changes: changesBetween(null, auditedUserFields(user)),
            note,
          },
          cause,
        );
        return toSessionUser(user);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw emailTaken();
      throw error;
    }
  }

  // Outside any transaction: a failed sign-in changes nothing, but the attempt is still recorded.
  // The e-mail typed is not: it could be a password typed into the wrong field.
  private async signInFailed(user: UserEntity | null, why: string, origin: SignInOrigin): Promise<void> {
    await this.audit.record(
      this.dataSource.manager,
      {
        action: 'auth.sign-in-failed',
        entityType: 'user',
        entityId: user?.id ?? null,
        note: `${why} (from ${origin.ip})`,
      },
      { correlationId: origin.correlationId },
    );
  }

  private getDummyHash(): Promise<string> {
    this.dummyHash ??= createDummyHash();
    return this.dummyHash;
  }
}
