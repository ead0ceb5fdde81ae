import { Controller, Get, Query } from '@nestjs/common';
import { ListReportsQuerySchema, type ParsedRequestOf, type ReportDuePage } from '@pardev/contracts';
import { MessageBus, type RequestOptions } from '@pardev/messaging';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { AnyRole, BusContext } from '../identity/access.decorators';

// The reporting calendar belongs to results-service (worked out from agreements' obligations).
@Controller('api/v1/reports')
export class ReportsController {
  constructor(private readonly bus: MessageBus) {}

  @Get()
  @AnyRole()
  list(
    @Query(new ZodValidationPipe(ListReportsQuerySchema)) query: ParsedRequestOf<'results.report.list'>,
    @BusContext() context: RequestOptions,
  ): Promise<ReportDuePage> {
    return this.bus.request('results.report.list', query, context);
  }
}
