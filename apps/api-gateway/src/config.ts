import { ServiceEnvSchema, isSigningKey, parseEnv } from '@pardev/messaging';
import { isIP } from 'node:net';
import { z } from 'zod';

// An empty variable (`ADMIN_EMAIL=` in a .env file) means "not set", not "set to nothing".
const optional = <S extends z.ZodType>(schema: S) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const flag = (fallback: 'true' | 'false') =>
  z
    .enum(['true', 'false'], { message: 'must be true or false' })
    .default(fallback)
    .transform((value) => value === 'true');

// Names proxy-addr (Fastify's trustProxy) understands besides addresses.
const PROXY_ADDRESS_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

// `false` (default), `true`, a hop count, or a comma-separated list of proxy addresses / CIDR ranges.
const parseTrustProxy = (value: string, ctx: z.RefinementCtx): boolean | number | string[] => {
  if (value === 'true' || value === 'false') return value === 'true';
  if (/^\d+$/.test(value)) return Number(value);
  const entries = value.split(',').map((entry) => entry.trim());
  if (entries.some((entry) => !isIP(entry.split('/')[0] ?? '') && !PROXY_ADDRESS_NAMES.has(entry))) {
    ctx.addIssue({
      code: 'custom',
      message: 'must be true, false, a hop count or a comma-separated list of IPs/CIDRs',
    });
    return z.NEVER;
  }
  return entries;
};

export const GatewayEnvSchema = z
  .object({
    PORT: z.coerce
      .number()
      .int()
      .min(0)
      .max(65535)
      .default(3000)
      .describe('HTTP port the gateway listens on'),
    HOST: ServiceEnvSchema.shape.HOST.describe('interface to bind; 0.0.0.0 inside a container'),
    BUS_URL: ServiceEnvSchema.shape.BUS_URL.describe(
      'message bus: nats://host:4222 (production) or mqtt://127.0.0.1:port (embedded broker)',
    ),
    BUS_NAMESPACE: ServiceEnvSchema.shape.BUS_NAMESPACE,
    DATABASE_URL: optional(ServiceEnvSchema.shape.DATABASE_URL.unwrap()).meta({
      description:
        'PostgreSQL URL of the identity database (sensitive); unset: embedded PGlite under DATA_DIR',
      sensitive: true,
    }),
    DATA_DIR: optional(z.string()).describe(
      'base directory for PGlite data (<DATA_DIR>/api-gateway); memory:// keeps it in memory; default ./.data',
    ),
    ACTOR_SIGNING_KEY: z
      .string({ message: 'is required: generate a pair with `npm run actor-keys`' })
      .refine(isSigningKey, { message: 'must be an Ed25519 private key (PEM or base64 PKCS#8 DER)' })
      .meta({
        description:
          'Ed25519 private key (sensitive) that signs the acting user on every request to a service; services hold the public half as ACTOR_VERIFY_KEY',
        sensitive: true,
      }),
    ADMIN_EMAIL: optional(z.email({ message: 'must be an email address' })).describe(
      'e-mail of the first admin, created on start when there are no users yet (with ADMIN_PASSWORD)',
    ),
    ADMIN_PASSWORD: optional(z.string().min(12, { message: 'must be at least 12 characters' })).meta({
      description:
        'password of the first admin (sensitive; at least 12 characters); unset: one is generated and printed once',
      sensitive: true,
    }),
    ADMIN_STATIC_DIR: optional(z.string()).describe(
      'directory of the built admin SPA to serve; default dist/apps/admin under the working directory, if it exists',
    ),
    COOKIE_SECURE: flag('false').describe(
      'true: the session cookie is sent over HTTPS only (set it behind HTTPS)',
    ),
    SESSION_TTL_HOURS: z.coerce
      .number()
      .positive()
      .max(24 * 30)
      .default(12)
      .describe('absolute lifetime of a session, in hours'),
    SESSION_IDLE_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(30)
      .describe('a session unused for this many minutes ends'),
    SESSION_CACHE_MS: z.coerce
      .number()
      .int()
      .min(0)
      .max(60_000)
      .default(2_000)
      .describe(
        'how long a checked session is trusted without asking the database (logout elsewhere takes up to this long); 0 disables',
      ),
    DEMO_DATA: flag('false').describe(
      'true: the admin shows a "demo data" notice (reported by GET /api/v1/meta)',
    ),
    LOG_LEVEL: ServiceEnvSchema.shape.LOG_LEVEL.describe('error, warn, log, debug or verbose'),
    REQUEST_TIMEOUT_MS: z.coerce
      .number()
      .int()
      .min(100)
      .max(120_000)
      .default(5_000)
      .describe('how long the gateway waits for a service to answer a request'),
    RATE_LIMIT_PER_MINUTE: z.coerce
      .number()
      .int()
      .min(1)
      .default(1_200)
      .describe(
        'requests one client address may make per minute and gateway replica before 429 RATE_LIMITED',
      ),
    CORS_ORIGINS: z
      .string()
      .default('')
      .transform((value, ctx) => {
        const origins = value
          .split(',')
          .map((origin) => origin.trim())
          .filter((origin) => origin !== '');
        for (const origin of origins) {
          if (!/^https?:\/\/[^/\s]+$/.test(origin)) {
            ctx.addIssue({
              code: 'custom',
              message: `"${origin}" is not an origin such as https://admin.example.org`,
            });
          }
        }
        return origins;
      })
      .describe(
        'other origins allowed to call the API with credentials (comma-separated); empty: the admin on the same origin only',
      ),
    TRUST_PROXY: z
      .string()
      .default('false')
      .transform(parseTrustProxy)
      .describe(
        'reverse proxies to trust for X-Forwarded-*: false, true, a hop count or a list of IPs/CIDRs',
      ),
  })
  .superRefine((env, ctx) => {
    if ((env.ADMIN_EMAIL === undefined) !== (env.ADMIN_PASSWORD === undefined)) {
      const missing = env.ADMIN_EMAIL === undefined ? 'ADMIN_EMAIL' : 'ADMIN_PASSWORD';
      ctx.addIssue({
        code: 'custom',
        path: [missing],
        message: 'ADMIN_EMAIL and ADMIN_PASSWORD must be set together',
      });
    }
  });

export type GatewayConfig = z.infer<typeof GatewayEnvSchema>;

export const loadConfig = (env: NodeJS.ProcessEnv = process.env): GatewayConfig =>
  parseEnv(GatewayEnvSchema, env);

/** Injection token of the parsed GatewayConfig. */
export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
