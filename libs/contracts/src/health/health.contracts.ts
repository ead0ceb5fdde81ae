import { z } from 'zod';

export const HealthCheckRequestSchema = z.object({});

export const HealthReportSchema = z.object({
  service: z.string(),
  status: z.enum(['ok', 'degraded']),
  checks: z.record(z.string(), z.enum(['up', 'down'])),
});
export type HealthReport = z.infer<typeof HealthReportSchema>;
