import { Module } from '@nestjs/common';
import { PartnersModule } from '../partners/partners.module';
import { PartnerImportApplier } from './partner-import-applier';
import { PartnerImportsHandler } from './partner-imports.handler';
import { PartnerImportsRepository } from './partner-imports.repository';
import { PartnerImportsService } from './partner-imports.service';

@Module({
  imports: [PartnersModule],
  controllers: [PartnerImportsHandler],
  providers: [PartnerImportsService, PartnerImportsRepository, PartnerImportApplier],
  exports: [PartnerImportApplier],
})
export class PartnerImportsModule {}
