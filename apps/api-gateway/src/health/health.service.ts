import { Injectable } from '@nestjs/common';
import type { RequestSubject } from '@pardev/contracts';
import { MessageBus, ServiceHealth } from '@pardev/messaging';

export type ServiceStatus = 'up' | 'down';

export interface SystemHealth {
  readonly status: 'ok' | 'degraded';
  readonly services: Record<string, ServiceStatus>;
}

export const SERVICE = 'api-gateway';

// Each service answers its own health check over the bus, so "up" also proves the bus path works.
const downstream = {
  'partners-service': 'partners.health.check',
  'agreements-service': 'agreements.health.check',
  'results-service': 'results.health.check',
} as const satisfies Record<string, RequestSubject>;

// Short: a probe must answer well inside an orchestrator's own timeout (docker compose: 5 s).
const PROBE_TIMEOUT_MS = 1_500;

@Injectable()
export class HealthService {
  constructor(
    private readonly bus: MessageBus,
    private readonly own: ServiceHealth,
  ) {}

  async check(correlationId: string): Promise<SystemHealth> {
    const probes = Object.entries(downstream).map(
      async ([service, subject]): Promise<[string, ServiceStatus]> => {
        try {
          const report = await this.bus.request(subject, {}, { correlationId, timeoutMs: PROBE_TIMEOUT_MS });
          return [service, report.status === 'ok' ? 'up' : 'down'];
        } catch {
          return [service, 'down'];
        }
      },
    );
    const ownProbe = this.own
      .report()
      .then((report): [string, ServiceStatus] => [SERVICE, report.status === 'ok' ? 'up' : 'down']);
    const services = Object.fromEntries(await Promise.all([ownProbe, ...probes]));
    const status = Object.values(services).every((s) => s === 'up') ? 'ok' : 'degraded';
    return { status, services };
  }
}
