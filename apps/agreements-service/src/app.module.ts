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
          entities: [PartnerOptionEntity],
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
      ],
      providers: [...serviceHealthProviders(SERVICE), PartnerOptionsRepository],
    };
  }
}
