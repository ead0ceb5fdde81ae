import { Controller } from '@nestjs/common';
import { OnRequest, ServiceHealth } from '@pardev/messaging';

@Controller()
export class HealthHandler {
  constructor(private readonly health: ServiceHealth) {}

  @OnRequest('results.health.check')
  check() {
    return this.health.report();
  }
}
