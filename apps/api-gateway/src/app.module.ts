import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { MessagingModule, serviceHealthProviders } from '@pardev/messaging';
import { PersistenceModule } from '@pardev/persistence';
import { ADMIN_STATIC, resolveAdminStatic } from './admin-static/admin-static';
import { SpaFallbackController } from './admin-static/spa-fallback.controller';
import { PartnerOptionsController } from './agreements/partner-options.controller';
import { GATEWAY_CONFIG, type GatewayConfig } from './config';
import { HealthController } from './health/health.controller';
import { HealthService, SERVICE } from './health/health.service';
import { ProblemFilter } from './http/problem.filter';
import { IdentityModule } from './identity/identity.module';
import { SessionEntity } from './identity/session.entity';
import { UserEntity } from './identity/user.entity';
import { MetaController } from './meta/meta.controller';
import { OpenApiController } from './openapi/openapi.controller';
import { gatewayMigrations } from './migrations';
import { AuditController } from './audit/audit.controller';
import { AuditReader } from './audit/audit-reader';
import { ContactsController } from './partners/contacts.controller';
import { DueDiligenceController } from './partners/due-diligence.controller';
import { PartnersController } from './partners/partners.controller';
import { PartnersExport } from './partners/partners-export';
import { PartnerImportsController } from './partners/imports/partner-imports.controller';
import { PartnerImportUpload } from './partners/imports/partner-import-upload';
import { SavedViewsController } from './saved-views/saved-views.controller';
import { AgreementsController } from './agreements/agreements.controller';
import { AgreementsExport } from './agreements/agreements-export';
import { CurrencyRatesController } from './agreements/currency-rates.controller';
import { TranchesController } from './agreements/tranches.controller';
import { ReportsController } from './agreements/reports.controller';
import { AmendmentsController } from './agreements/amendments.controller';
import { ProjectsController } from './agreements/projects.controller';
import { SavedViewsRepository } from './saved-views/saved-views.repository';

@Module({})
class GatewayConfigModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayConfigModule,
      global: true,
      providers: [{ provide: GATEWAY_CONFIG, useValue: config }],
      exports: [GATEWAY_CONFIG],
    };
  }
}

@Module({})
export class AppModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    const adminStatic = resolveAdminStatic(config.ADMIN_STATIC_DIR);
    return {
      module: AppModule,
      imports: [
        GatewayConfigModule.forRoot(config),
        PersistenceModule.forRoot({
          service: SERVICE,
          auditSource: 'identity',
          databaseUrl: config.DATABASE_URL,
          dataDir: config.DATA_DIR,
          entities: [UserEntity, SessionEntity],
          migrations: gatewayMigrations,
        }),
        MessagingModule.forRoot({
          service: SERVICE,
          busUrl: config.BUS_URL,
          namespace: config.BUS_NAMESPACE,
          requestTimeoutMs: config.REQUEST_TIMEOUT_MS,
          actorSigningKey: config.ACTOR_SIGNING_KEY,
        }),
        IdentityModule,
      ],
      controllers: [
        HealthController,
        MetaController,
        OpenApiController,
        PartnerImportsController,
        PartnersController,
        DueDiligenceController,
        ContactsController,
        AuditController,
        PartnerOptionsController,
        AgreementsController,
        TranchesController,
        CurrencyRatesController,
        ReportsController,
        AmendmentsController,
        ProjectsController,
        SavedViewsController,
        ...(adminStatic.dir ? [SpaFallbackController] : []),
      ],
      providers: [
        ...serviceHealthProviders(SERVICE),
        HealthService,
        AuditReader,
        PartnersExport,
        PartnerImportUpload,
        SavedViewsRepository,
        AgreementsExport,
        { provide: ADMIN_STATIC, useValue: adminStatic },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
    };
  }
}
