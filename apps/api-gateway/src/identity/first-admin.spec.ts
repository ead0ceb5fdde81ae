import { testActorKeys } from '@pardev/testing';
import { Logger } from '@nestjs/common';
import type { SessionUser } from '@pardev/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GatewayEnvSchema, type GatewayConfig } from '../config';
import { emailTaken } from './identity.errors';
import type { IdentityService, NewUser } from './identity.service';
import { FirstAdmin } from './first-admin';

// An identity store in memory: enough to observe which users FirstAdmin creates.
class FakeIdentity {
  readonly users: NewUser[] = [];
  constructor(existing: string[] = []) {
    for (const email of existing)
      this.users.push({ email, displayName: 'Existing', password: 'x'.repeat(12), roles: ['admin'] });
  }
  async hasUsers() {
    return this.users.length > 0;
  }
  async userExists(email: string) {
    return this.users.some((u) => u.email === email.toLowerCase());
  }
  async createUser(user: NewUser): Promise<SessionUser> {
    if (await this.userExists(user.email)) throw emailTaken();
    this.users.push({ ...user, email: user.email.toLowerCase() });
    return { id: 'u1', email: user.email, displayName: user.displayName, roles: [...user.roles] };
  }
}

const configWith = (env: Record<string, string> = {}): GatewayConfig =>
  GatewayEnvSchema.parse({
    BUS_URL: 'mqtt://127.0.0.1:1',
    ACTOR_SIGNING_KEY: testActorKeys.signingKey,
    ...env,
  });

const run = async (identity: FakeIdentity, config: GatewayConfig) => {
  const printed: string[] = [];
  await new FirstAdmin(identity as unknown as IdentityService, config, (text) =>
    printed.push(text),
  ).onApplicationBootstrap();
  return printed.join('');
};

describe('first admin', () => {
  const logged: string[] = [];
  beforeEach(() => {
    logged.length = 0;
    for (const level of ['log', 'warn', 'error'] as const) {
      vi.spyOn(Logger.prototype, level).mockImplementation((message: unknown) => {
        logged.push(String(message));
      });
    }
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('creates admin@pardev.local with a generated password printed once, in the two lines the launcher relays', async () => {
    const identity = new FakeIdentity();
    const printed = await run(identity, configWith());
    expect(identity.users).toHaveLength(1);
    const [admin] = identity.users;
    expect(admin).toMatchObject({ email: 'admin@pardev.local', roles: ['admin'] });
    const lines = printed.split('\n');
    expect(lines).toContain('First admin created: admin@pardev.local');
    expect(lines).toContain(`Password (shown once): ${admin?.password}`);
    expect(admin?.password).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(logged.join('\n')).not.toContain(admin?.password);
  });

  it('creates the admin from ADMIN_EMAIL and ADMIN_PASSWORD without printing or logging the password', async () => {
    const identity = new FakeIdentity();
    const printed = await run(
      identity,
      configWith({ ADMIN_EMAIL: 'boss@ilo.org', ADMIN_PASSWORD: 'the boss password' }),
    );
    expect(identity.users).toEqual([
      expect.objectContaining({ email: 'boss@ilo.org', password: 'the boss password', roles: ['admin'] }),
    ]);
    expect(printed).toBe('');
    expect(logged.join('\n')).not.toContain('the boss password');
  });

  it('leaves an existing ADMIN_EMAIL user as it is', async () => {
    const identity = new FakeIdentity(['boss@ilo.org']);
    await run(identity, configWith({ ADMIN_EMAIL: 'boss@ilo.org', ADMIN_PASSWORD: 'a new password here' }));
    expect(identity.users).toHaveLength(1);
    expect(identity.users[0]?.password).not.toBe('a new password here');
  });

  it('creates nobody once any user exists, and says why ADMIN_EMAIL was not used', async () => {
    const identity = new FakeIdentity(['admin@pardev.local']);
    const printed = await run(
      identity,
      configWith({ ADMIN_EMAIL: 'boss@ilo.org', ADMIN_PASSWORD: 'the boss password' }),
    );
    expect(identity.users.map((u) => u.email)).toEqual(['admin@pardev.local']);
    expect(printed).toBe('');
    expect(logged.join('\n')).toMatch(/ADMIN_EMAIL boss@ilo.org was not created/);
  });

  it('prints nothing when another replica created the admin first', async () => {
    const identity = new FakeIdentity();
    identity.hasUsers = async () => false;
    await identity.createUser({
      email: 'admin@pardev.local',
      displayName: 'Other replica',
      password: 'x'.repeat(20),
      roles: ['admin'],
    });
    expect(await run(identity, configWith())).toBe('');
  });
});
