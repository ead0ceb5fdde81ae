import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import {
  DueDiligenceReaderRoles,
  ExpiringChecksQuerySchema,
  GetPartnerRequestSchema,
  PartnerEditorRoles,
  RaiseFlagBodySchema,
  RecordCheckBodySchema,
  ResolveFlagBodySchema,
  type DueDiligence,
  type ExpiringChecks,
  type ParsedRequestOf,
} from '@pardev/contracts';
import { MessageBus, type RequestOptions } from '@pardev/messaging';
import { z } from 'zod';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { AnyRole, BusContext, Roles } from '../identity/access.decorators';

type PartnerId = ParsedRequestOf<'partners.partner.get'>;
export const FlagParamsSchema = GetPartnerRequestSchema.extend({ flagId: GetPartnerRequestSchema.shape.id });

// Due diligence belongs to partners-service, which also decides who may see and change what.
@Controller('api/v1')
export class DueDiligenceController {
  constructor(private readonly bus: MessageBus) {}

  @Get('partners/:id/due-diligence')
  @AnyRole()
  get(
    @Param(new ZodValidationPipe(GetPartnerRequestSchema)) { id }: PartnerId,
    @BusContext() context: RequestOptions,
  ): Promise<DueDiligence> {
    return this.bus.request('partners.due-diligence.get', { partnerId: id }, context);
  }

  @Post('partners/:id/checks')
  @Roles(...PartnerEditorRoles)
  @HttpCode(HttpStatus.OK)
  recordCheck(
    @Param(new ZodValidationPipe(GetPartnerRequestSchema)) { id }: PartnerId,
    @Body(new ZodValidationPipe(RecordCheckBodySchema)) body: z.output<typeof RecordCheckBodySchema>,
    @BusContext() context: RequestOptions,
  ): Promise<DueDiligence> {
    return this.bus.request('partners.check.record', { ...body, partnerId: id }, context);
  }

  @Post('partners/:id/flags')
  @Roles(...PartnerEditorRoles)
  @HttpCode(HttpStatus.OK)
  raiseFlag(
    @Param(new ZodValidationPipe(GetPartnerRequestSchema)) { id }: PartnerId,
    @Body(new ZodValidationPipe(RaiseFlagBodySchema)) body: z.output<typeof RaiseFlagBodySchema>,
    @BusContext() context: RequestOptions,
  ): Promise<DueDiligence> {
    return this.bus.request('partners.flag.raise', { ...body, partnerId: id }, context);
  }

  @Post('partners/:id/flags/:flagId/resolve')
  @Roles(...PartnerEditorRoles)
  @HttpCode(HttpStatus.OK)
  resolveFlag(
    @Param(new ZodValidationPipe(FlagParamsSchema)) { id, flagId }: z.output<typeof FlagParamsSchema>,
    @Body(new ZodValidationPipe(ResolveFlagBodySchema)) body: z.output<typeof ResolveFlagBodySchema>,
    @BusContext() context: RequestOptions,
  ): Promise<DueDiligence> {
    return this.bus.request('partners.flag.resolve', { ...body, partnerId: id, flagId }, context);
  }

  @Get('due-diligence/expiring')
  @Roles(...DueDiligenceReaderRoles)
  expiring(
    @Query(new ZodValidationPipe(ExpiringChecksQuerySchema))
    query: z.output<typeof ExpiringChecksQuerySchema>,
    @BusContext() context: RequestOptions,
  ): Promise<ExpiringChecks> {
    return this.bus.request('partners.check.expiring', query, context);
  }
}
