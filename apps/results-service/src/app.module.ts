import { Module, type DynamicModule } from '@nestjs/common';
import {
  MessagingModule,
  auditSearchHandler,
  ServiceHealthController,
  serviceHealthProviders,
} from '@pardev/messaging';
import { PersistenceModule } from '@pardev/persistence';
import type { ResultsConfig } from './config';
import { HealthHandler } from './health/health.handler';
import { resultsMigrations } from './migrations';
import { DirectoryPartnerEntity } from './partner-directory/directory-partner.entity';
import { PartnerDirectoryHandler } from './partner-directory/partner-directory.handler';
import { PartnerDirectoryRepository } from './partner-directory/partner-directory.repository';
import { ReportingCalendar } from './reporting/reporting-calendar';
import { ReportingHandler } from './reporting/reporting.handler';

export const SERVICE = 'results-service';

@Module({})
export class AppModule {
  static forRoot(config: ResultsConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PersistenceModule.forRoot({
          service: SERVICE,
          auditSource: 'results',
          databaseUrl: config.DATABASE_URL,
          dataDir: config.DATA_DIR,
          entities: [DirectoryPartnerEntity],
          migrations: resultsMigrations,
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
        auditSearchHandler('results'),
        PartnerDirectoryHandler,
        ReportingHandler,
      ],
      providers: [...serviceHealthProviders(SERVICE), PartnerDirectoryRepository, ReportingCalendar],
    };
  }
}
