import { Module, type DynamicModule } from '@nestjs/common';
import {
  MessagingModule,
  auditSearchHandler,
  ServiceHealthController,
  serviceHealthProviders,
} from '@pardev/messaging';
import { PersistenceModule } from '@pardev/persistence';
import type { PartnersConfig } from './config';
import { HealthHandler } from './health/health.handler';
import { partnersMigrations } from './migrations';
import { PartnerEntity } from './partners/partner.entity';
import { PartnersModule } from './partners/partners.module';
import { ContactEntity } from './contacts/contact.entity';
import { ContactsModule } from './contacts/contacts.module';
import { DueDiligenceCheckEntity, PartnerFlagEntity } from './due-diligence/due-diligence.entities';
import { DueDiligenceModule } from './due-diligence/due-diligence.module';
import { DemoSeed, SEED_DEMO_DATA } from './seed/demo-seed';
import { PartnerImportsModule } from './imports/partner-imports.module';
import { PartnerTimelineModule } from './timeline/partner-timeline';

export const SERVICE = 'partners-service';

@Module({})
export class AppModule {
  static forRoot(config: PartnersConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PersistenceModule.forRoot({
          service: SERVICE,
          auditSource: 'partners',
          databaseUrl: config.DATABASE_URL,
          dataDir: config.DATA_DIR,
          entities: [PartnerEntity, DueDiligenceCheckEntity, PartnerFlagEntity, ContactEntity],
          migrations: partnersMigrations,
        }),
        MessagingModule.forRoot({
          service: SERVICE,
          busUrl: config.BUS_URL,
          namespace: config.BUS_NAMESPACE,
          actorVerifyKey: config.ACTOR_VERIFY_KEY,
        }),
        PartnersModule,
        ContactsModule,
        PartnerImportsModule,
        PartnerTimelineModule,
        DueDiligenceModule.forRoot({ sweepIntervalMs: config.DUE_DILIGENCE_SWEEP_MINUTES * 60_000 }),
      ],
      controllers: [ServiceHealthController, HealthHandler, auditSearchHandler('partners')],
      providers: [
        ...serviceHealthProviders(SERVICE),
        { provide: SEED_DEMO_DATA, useValue: config.SEED_DEMO_DATA },
        DemoSeed,
      ],
    };
  }
}
