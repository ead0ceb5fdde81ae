import { Controller, Get, Query } from '@nestjs/common';
import {
  AuditQuerySchema,
  AuditReaderRoles,
  type AuditViewPage,
  type ParsedAuditQuery,
} from '@pardev/contracts';
import type { RequestOptions } from '@pardev/messaging';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { BusContext, Roles } from '../identity/access.decorators';
import { AuditReader } from './audit-reader';

// The whole trail, for admins and auditors: by user, record, action and dates, newest first.
@Controller('api/v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditReader) {}

  @Get()
  @Roles(...AuditReaderRoles)
  search(
    @Query(new ZodValidationPipe(AuditQuerySchema)) query: ParsedAuditQuery,
    @BusContext() context: RequestOptions,
  ): Promise<AuditViewPage> {
    return this.audit.search(query, context);
  }
}
