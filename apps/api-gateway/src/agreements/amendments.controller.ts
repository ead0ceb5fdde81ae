import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import {
  AgreementRegistrarRoles,
  DecideAmendmentBodySchema,
  GetAgreementRequestSchema,
  ProposeAmendmentBodySchema,
  VersionDiffQuerySchema,
  type AgreementVersionList,
  type Amendment,
  type AmendmentList,
  type VersionDiff,
} from '@pardev/contracts';
import { MessageBus, type RequestOptions } from '@pardev/messaging';
import { z } from 'zod';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { AnyRole, BusContext, Roles } from '../identity/access.decorators';

export const AmendmentParamsSchema = GetAgreementRequestSchema.extend({
  amendmentId: GetAgreementRequestSchema.shape.id,
});
type AmendmentParams = z.output<typeof AmendmentParamsSchema>;
type AgreementId = z.output<typeof GetAgreementRequestSchema>;
type Decision = z.output<typeof DecideAmendmentBodySchema>;

// Amendments of signed agreements and the versions of the terms they make.
@Controller('api/v1/agreements/:id')
export class AmendmentsController {
  constructor(private readonly bus: MessageBus) {}

  @Get('amendments')
  @AnyRole()
  list(
    @Param(new ZodValidationPipe(GetAgreementRequestSchema)) { id }: AgreementId,
    @BusContext() context: RequestOptions,
  ): Promise<AmendmentList> {
    return this.bus.request('agreements.amendment.list', { agreementId: id }, context);
  }

  @Post('amendments')
  @Roles(...AgreementRegistrarRoles)
  @HttpCode(HttpStatus.CREATED)
  propose(
    @Param(new ZodValidationPipe(GetAgreementRequestSchema)) { id }: AgreementId,
    @Body(new ZodValidationPipe(ProposeAmendmentBodySchema))
    body: z.output<typeof ProposeAmendmentBodySchema>,
    @BusContext() context: RequestOptions,
  ): Promise<Amendment> {
    return this.bus.request('agreements.amendment.propose', { ...body, agreementId: id }, context);
  }

  @Post('amendments/:amendmentId/approve')
  @Roles(...AgreementRegistrarRoles)
  @HttpCode(HttpStatus.OK)
  approve(
    @Param(new ZodValidationPipe(AmendmentParamsSchema)) { id, amendmentId }: AmendmentParams,
    @Body(new ZodValidationPipe(DecideAmendmentBodySchema)) body: Decision,
    @BusContext() context: RequestOptions,
  ): Promise<Amendment> {
    return this.bus.request(
      'agreements.amendment.decide',
      { ...body, agreementId: id, amendmentId, decision: 'approve' },
      context,
    );
  }

  @Post('amendments/:amendmentId/reject')
  @Roles(...AgreementRegistrarRoles)
  @HttpCode(HttpStatus.OK)
  reject(
    @Param(new ZodValidationPipe(AmendmentParamsSchema)) { id, amendmentId }: AmendmentParams,
    @Body(new ZodValidationPipe(DecideAmendmentBodySchema)) body: Decision,
    @BusContext() context: RequestOptions,
  ): Promise<Amendment> {
    return this.bus.request(
      'agreements.amendment.decide',
      { ...body, agreementId: id, amendmentId, decision: 'reject' },
      context,
    );
  }

  @Get('versions')
  @AnyRole()
  versions(
    @Param(new ZodValidationPipe(GetAgreementRequestSchema)) { id }: AgreementId,
    @BusContext() context: RequestOptions,
  ): Promise<AgreementVersionList> {
    return this.bus.request('agreements.version.list', { agreementId: id }, context);
  }

  @Get('versions/diff')
  @AnyRole()
  diff(
    @Param(new ZodValidationPipe(GetAgreementRequestSchema)) { id }: AgreementId,
    @Query(new ZodValidationPipe(VersionDiffQuerySchema)) query: z.output<typeof VersionDiffQuerySchema>,
    @BusContext() context: RequestOptions,
  ): Promise<VersionDiff> {
    return this.bus.request('agreements.version.diff', { ...query, agreementId: id }, context);
  }
}
