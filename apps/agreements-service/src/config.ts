import { ServiceEnvSchema, parseEnv } from '@pardev/messaging';
import { z } from 'zod';

export const AgreementsEnvSchema = ServiceEnvSchema.extend({
  HEALTH_PORT: z.coerce.number().int().min(0).max(65535).default(3102),
  SEED_DEMO_DATA: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});
export type AgreementsConfig = z.infer<typeof AgreementsEnvSchema>;

export const loadConfig = (env: NodeJS.ProcessEnv = process.env): AgreementsConfig =>
  parseEnv(AgreementsEnvSchema, env);
