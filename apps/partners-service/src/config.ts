import { ServiceEnvSchema, parseEnv } from '@pardev/messaging';
import { z } from 'zod';

export const PartnersEnvSchema = ServiceEnvSchema.extend({
  HEALTH_PORT: z.coerce.number().int().min(0).max(65535).default(3101),
  DUE_DILIGENCE_SWEEP_MINUTES: z.coerce
    .number()
    .min(0)
    .max(24 * 60)
    .default(60)
    .describe('how often expired due-diligence checks are looked for (they can block a partner); 0 disables'),
  SEED_DEMO_DATA: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});
export type PartnersConfig = z.infer<typeof PartnersEnvSchema>;

export const loadConfig = (env: NodeJS.ProcessEnv = process.env): PartnersConfig =>
  parseEnv(PartnersEnvSchema, env);
