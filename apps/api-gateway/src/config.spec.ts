import { generateActorKeys } from '@pardev/messaging';
import { describe, expect, it } from 'vitest';
import { GatewayEnvSchema } from './config';

const keys = generateActorKeys();
const minimal = { BUS_URL: 'mqtt://127.0.0.1:1883', ACTOR_SIGNING_KEY: keys.signingKey };
const fieldsOf = (env: Record<string, string>) => {
  const parsed = GatewayEnvSchema.safeParse(env);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join('.'));
};

describe('gateway configuration', () => {
  it('needs an Ed25519 private key to sign the acting user, and refuses the public half or junk', () => {
    expect(fieldsOf({ BUS_URL: minimal.BUS_URL })).toEqual(['ACTOR_SIGNING_KEY']);
    expect(fieldsOf({ ...minimal, ACTOR_SIGNING_KEY: keys.verifyKey })).toEqual(['ACTOR_SIGNING_KEY']);
    expect(fieldsOf({ ...minimal, ACTOR_SIGNING_KEY: 'not a key' })).toEqual(['ACTOR_SIGNING_KEY']);
  });

  it('needs only BUS_URL and the signing key, and defaults the rest to the embedded setup', () => {
    expect(GatewayEnvSchema.parse(minimal)).toMatchObject({
      PORT: 3000,
      HOST: '127.0.0.1',
      COOKIE_SECURE: false,
      SESSION_TTL_HOURS: 12,
      DEMO_DATA: false,
      LOG_LEVEL: 'log',
      REQUEST_TIMEOUT_MS: 5000,
      TRUST_PROXY: false,
    });
  });

  it('refuses a missing or non-bus BUS_URL', () => {
    expect(fieldsOf({})).toContain('BUS_URL');
    expect(fieldsOf({ ...minimal, BUS_URL: 'http://localhost:4222' })).toContain('BUS_URL');
    expect(fieldsOf({ ...minimal, BUS_URL: 'nats://nats:4222' })).toEqual([]);
  });

  it('needs ADMIN_EMAIL and ADMIN_PASSWORD together, with a password of 12 or more characters', () => {
    expect(fieldsOf({ ...minimal, ADMIN_EMAIL: 'boss@ilo.org' })).toEqual(['ADMIN_PASSWORD']);
    expect(fieldsOf({ ...minimal, ADMIN_PASSWORD: 'long enough password' })).toEqual(['ADMIN_EMAIL']);
    expect(fieldsOf({ ...minimal, ADMIN_EMAIL: 'boss@ilo.org', ADMIN_PASSWORD: 'too short' })).toContain(
      'ADMIN_PASSWORD',
    );
    expect(
      fieldsOf({ ...minimal, ADMIN_EMAIL: 'boss@ilo.org', ADMIN_PASSWORD: 'long enough password' }),
    ).toEqual([]);
  });

  it('treats empty variables as unset', () => {
    expect(
      GatewayEnvSchema.parse({ ...minimal, ADMIN_EMAIL: '', ADMIN_PASSWORD: '', DATABASE_URL: '' }),
    ).toMatchObject({
      ADMIN_EMAIL: undefined,
      ADMIN_PASSWORD: undefined,
      DATABASE_URL: undefined,
    });
  });

  it('reads flags only as true or false', () => {
    expect(GatewayEnvSchema.parse({ ...minimal, COOKIE_SECURE: 'true', DEMO_DATA: 'true' })).toMatchObject({
      COOKIE_SECURE: true,
      DEMO_DATA: true,
    });
    expect(fieldsOf({ ...minimal, COOKIE_SECURE: 'yes' })).toEqual(['COOKIE_SECURE']);
  });

  it('reads TRUST_PROXY as a flag, a hop count or a list of addresses', () => {
    expect(GatewayEnvSchema.parse({ ...minimal, TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(GatewayEnvSchema.parse({ ...minimal, TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).TRUST_PROXY).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
    ]);
    expect(fieldsOf({ ...minimal, TRUST_PROXY: 'nginx' })).toEqual(['TRUST_PROXY']);
  });

  it('describes every variable, and flags the secret ones as sensitive', () => {
    for (const [name, schema] of Object.entries(GatewayEnvSchema.shape)) {
      expect(schema.description, name).toBeTruthy();
    }
    expect(GatewayEnvSchema.shape.ADMIN_PASSWORD.meta()).toMatchObject({ sensitive: true });
    expect(GatewayEnvSchema.shape.DATABASE_URL.meta()).toMatchObject({ sensitive: true });
  });
});

describe('CORS_ORIGINS', () => {
  const parse = (value: string) => GatewayEnvSchema.safeParse({ ...minimal, CORS_ORIGINS: value });

  it('is empty by default: the admin is served from the same origin', () => {
    expect(GatewayEnvSchema.parse(minimal).CORS_ORIGINS).toEqual([]);
  });

  it('reads a comma-separated list of origins', () => {
    expect(parse('https://admin.ilo.org, http://localhost:5173').data?.CORS_ORIGINS).toEqual([
      'https://admin.ilo.org',
      'http://localhost:5173',
    ]);
  });

  it('refuses something that is not an origin, naming it', () => {
    const result = parse('https://admin.ilo.org/path');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('https://admin.ilo.org/path');
  });
});
