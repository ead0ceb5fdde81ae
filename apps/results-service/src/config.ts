import { ServiceEnvSchema, parseEnv } from '@pardev/messaging';
import { z } from 'zod';

export const ResultsEnvSchema = ServiceEnvSchema.extend({
  HEALTH_PORT: z.coerce.number().int().min(0).max(65535).default(3103),
});
export type ResultsConfig = z.infer<typeof ResultsEnvSchema>;

export const loadConfig = (env: NodeJS.ProcessEnv = process.env): ResultsConfig =>
  parseEnv(ResultsEnvSchema, env);
