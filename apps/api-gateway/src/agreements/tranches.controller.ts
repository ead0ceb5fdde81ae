import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put } from '@nestjs/common';
import {
  AgreementRegistrarRoles,
  FinanceRoles,
  GetAgreementRequestSchema,
  RecordInvoiceBodySchema,
  RecordReceiptBodySchema,
  TrancheBodySchema,
  type TrancheSchedule,
} from '@pardev/contracts';
import { MessageBus, type RequestOptions } from '@pardev/messaging';
import { z } from 'zod';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { AnyRole, BusContext, Roles } from '../identity/access.decorators';

export const TrancheParamsSchema = GetAgreementRequestSchema.extend({
  trancheId: GetAgreementRequestSchema.shape.id,
});
type TrancheParams = z.output<typeof TrancheParamsSchema>;
type AgreementId = z.output<typeof GetAgreementRequestSchema>;
export const CancelTrancheBodySchema = z.object({
  reason: z.string().trim().min(1, { message: 'is required' }).max(2_000),
});

// The contribution schedule of an agreement: officers plan it, finance records invoices and receipts.
@Controller('api/v1/agreements/:id/tranches')
export class TranchesController {
  constructor(private readonly bus: MessageBus) {}

  @Get()
  @AnyRole()
  list(
    @Param(new ZodValidationPipe(GetAgreementRequestSchema)) { id }: AgreementId,
    @BusContext() context: RequestOptions,
  ): Promise<TrancheSchedule> {
    return this.bus.request('agreements.tranche.list', { agreementId: id }, context);
  }

  @Post()
  @Roles(...AgreementRegistrarRoles)
  @HttpCode(HttpStatus.OK)
  add(
    @Param(new ZodValidationPipe(GetAgreementRequestSchema)) { id }: AgreementId,
    @Body(new ZodValidationPipe(TrancheBodySchema)) body: z.output<typeof TrancheBodySchema>,
    @BusContext() context: RequestOptions,
  ): Promise<TrancheSchedule> {
    return this.bus.request('agreements.tranche.add', { ...body, agreementId: id }, context);
  }

  @Put(':trancheId')
  @Roles(...AgreementRegistrarRoles)
  update(
    @Param(new ZodValidationPipe(TrancheParamsSchema)) { id, trancheId }: TrancheParams,
    @Body(new ZodValidationPipe(TrancheBodySchema)) body: z.output<typeof TrancheBodySchema>,
    @BusContext() context: RequestOptions,
  ): Promise<TrancheSchedule> {
    return this.bus.request('agreements.tranche.update', { ...body, agreementId: id, trancheId }, context);
  }

  @Post(':trancheId/cancel')
  @Roles(...AgreementRegistrarRoles)
  @HttpCode(HttpStatus.OK)
  cancel(
    @Param(new ZodValidationPipe(TrancheParamsSchema)) { id, trancheId }: TrancheParams,
    @Body(new ZodValidationPipe(CancelTrancheBodySchema))
    { reason }: z.output<typeof CancelTrancheBodySchema>,
    @BusContext() context: RequestOptions,
  ): Promise<TrancheSchedule> {
    return this.bus.request('agreements.tranche.cancel', { agreementId: id, trancheId, reason }, context);
  }

  @Post(':trancheId/invoice')
  @Roles(...FinanceRoles)
  @HttpCode(HttpStatus.OK)
  invoice(
    @Param(new ZodValidationPipe(TrancheParamsSchema)) { id, trancheId }: TrancheParams,
    @Body(new ZodValidationPipe(RecordInvoiceBodySchema)) body: z.output<typeof RecordInvoiceBodySchema>,
    @BusContext() context: RequestOptions,
  ): Promise<TrancheSchedule> {
    return this.bus.request('agreements.tranche.invoice', { ...body, agreementId: id, trancheId }, context);
  }

  @Post(':trancheId/receipt')
  @Roles(...FinanceRoles)
  @HttpCode(HttpStatus.OK)
  receive(
    @Param(new ZodValidationPipe(TrancheParamsSchema)) { id, trancheId }: TrancheParams,
    @Body(new ZodValidationPipe(RecordReceiptBodySchema)) body: z.output<typeof RecordReceiptBodySchema>,
    @BusContext() context: RequestOptions,
  ): Promise<TrancheSchedule> {
    return this.bus.request('agreements.tranche.receive', { ...body, agreementId: id, trancheId }, context);
  }
}
