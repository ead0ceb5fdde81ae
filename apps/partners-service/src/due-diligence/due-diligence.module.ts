import { Module, type DynamicModule } from '@nestjs/common';
import { PartnersModule } from '../partners/partners.module';
import { BlockingSweep, SWEEP_INTERVAL_MS } from './blocking-sweep';
import { DueDiligenceHandler } from './due-diligence.handler';
import { DueDiligenceRepository } from './due-diligence.repository';
import { DueDiligenceService } from './due-diligence.service';

@Module({})
export class DueDiligenceModule {
  static forRoot(options: { sweepIntervalMs: number }): DynamicModule {
    return {
      module: DueDiligenceModule,
      imports: [PartnersModule],
      controllers: [DueDiligenceHandler],
      providers: [
        DueDiligenceService,
        DueDiligenceRepository,
        BlockingSweep,
        { provide: SWEEP_INTERVAL_MS, useValue: options.sweepIntervalMs },
      ],
    };
  }
}
