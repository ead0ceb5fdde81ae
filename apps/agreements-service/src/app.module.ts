import { Module, type DynamicModule } from '@nestjs/common';
import {
  MessagingModule,
  auditSearchHandler,
  ServiceHealthController,
  serviceHealthProviders,
} from '@pardev/messaging';
import { PersistenceModule } from '@pardev/persistence';
import type { AgreementsConfig } from './config';
import { HealthHandler } from './health/health.handler';
import { agreementsMigrations } from './migrations';
import { PartnerOptionEntity } from './partner-options/partner-option.entity';
import { PartnerOptionsHandler } from './partner-options/partner-options.handler';
import { PartnerOptionsRepository } from './partner-options/partner-options.repository';
import {
  AgreementEntity,
  CurrencyRateEntity,
  ProjectEntity,
  TrancheEntity,
} from './agreements/agreement.entities';
import { AgreementsHandler } from './agreements/agreements.handler';
import { AgreementsRepository } from './agreements/agreements.repository';
import { AgreementsService } from './agreements/agreements.service';
import { CurrencyRates } from './agreements/currency-rates';
import { TranchesService } from './agreements/tranches.service';
import { AmendmentsService } from './agreements/amendments.service';
import { ProjectsService } from './agreements/projects.service';
import { DEMO_SEED_TIMING, DemoSeed, SEED_DEMO_DATA, defaultDemoSeedTiming } from './seed/demo-seed';

export const SERVICE = 'agreements-service';

@Module({})
export class AppModule {
  static forRoot(config: AgreementsConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PersistenceModule.forRoot({
          service: SERVICE,
          auditSource: 'agreements',
          databaseUrl: config.DATABASE_URL,
          dataDir: config.DATA_DIR,
          entities: [PartnerOptionEntity, AgreementEntity, TrancheEntity, CurrencyRateEntity, ProjectEntity],
          migrations: agreementsMigrations,
        }),
        MessagingModule.forRoot({
          service: SERVICE,
          busUrl: config.BUS_URL,
          namespace: config.BUS_NAMESPACE,
          actorVerifyKey: config.ACTOR_VERIFY_KEY,
        }),
      ],
      controllers: [
        ServiceHealthController,
        HealthHandler,
        auditSearchHandler('agreements'),
        PartnerOptionsHandler,
        AgreementsHandler,
      ],
      providers: [
        ...serviceHealthProviders(SERVICE),
        PartnerOptionsRepository,
        AgreementsRepository,
        AgreementsService,
        TranchesService,
        AmendmentsService,
        ProjectsService,
        CurrencyRates,
        { provide: SEED_DEMO_DATA, useValue: config.SEED_DEMO_DATA },
        { provide: DEMO_SEED_TIMING, useValue: defaultDemoSeedTiming },
        DemoSeed,
      ],
    };
  }
}
