import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { RegisterPartnerRequestSchema, type Envelope } from '@pardev/contracts';
import { causedBy } from '@pardev/messaging';
import { PartnersRepository } from '../partners/partners.repository';
import { PartnersService } from '../partners/partners.service';
import demoPartners from './demo-partners.json';

export const SEED_DEMO_DATA = Symbol('SEED_DEMO_DATA');

// Real organisation names with illustrative details, so a fresh install has something to look at.
// Seeded through the normal use case, so every partner is announced to the other services.
@Injectable()
export class DemoSeed implements OnApplicationBootstrap {
  private readonly log = new Logger('DemoSeed');

  constructor(
    @Inject(SEED_DEMO_DATA) private readonly enabled: boolean,
    private readonly partners: PartnersService,
    private readonly repository: PartnersRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.enabled || (await this.repository.count()) > 0) return;
    const cause: Envelope = {
      ...causedBy('partners-service'),
      actor: { userId: 'demo-seed', roles: ['admin'] },
    };
    for (const raw of demoPartners) {
      await this.partners.register(RegisterPartnerRequestSchema.parse(raw), cause);
    }
    this.log.log(`seeded ${demoPartners.length} demo partners`);
  }
}
