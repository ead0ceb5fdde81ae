import { Controller, Get, Query } from '@nestjs/common';
import {
  ListPartnerOptionsQuerySchema,
  type ParsedRequestOf,
  type PartnerOptionPage,
} from '@pardev/contracts';
import { MessageBus, type RequestOptions } from '@pardev/messaging';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { AnyRole, BusContext } from '../identity/access.decorators';

@Controller('api/v1/agreements')
export class PartnerOptionsController {
  constructor(private readonly bus: MessageBus) {}

  @Get('partner-options')
  @AnyRole()
  list(
    @Query(new ZodValidationPipe(ListPartnerOptionsQuerySchema))
    query: ParsedRequestOf<'agreements.partner-option.list'>,
    @BusContext() context: RequestOptions,
  ): Promise<PartnerOptionPage> {
    return this.bus.request('agreements.partner-option.list', query, context);
  }
}
