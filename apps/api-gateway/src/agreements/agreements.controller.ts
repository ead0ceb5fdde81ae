import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put, Query, Res } from '@nestjs/common';
import {
  AgreementRegistrarRoles,
  AssignAgreementBodySchema,
  CreateAgreementRequestSchema,
  ExportAgreementsQuerySchema,
  GetAgreementRequestSchema,
  HistoryQuerySchema,
  ListAgreementsQuerySchema,
  SetObligationsBodySchema,
  TransitionBodySchema,
  UpdateAgreementBodySchema,
  type Agreement,
  type AgreementPage,
  type AuditViewPage,
  type ObligationList,
  type ParsedRequestOf,
} from '@pardev/contracts';
import { MessageBus, type RequestOptions } from '@pardev/messaging';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { AuditReader } from '../audit/audit-reader';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { AnyRole, BusContext, Roles } from '../identity/access.decorators';
import { AgreementsExport } from './agreements-export';

type AgreementId = ParsedRequestOf<'agreements.agreement.get'>;

// Agreements belong to agreements-service: each route is one typed request on the bus, and the
// service decides whether this person may change this agreement.
@Controller('api/v1/agreements')
export class AgreementsController {
  constructor(
    private readonly bus: MessageBus,
    private readonly audit: AuditReader,
    private readonly exports: AgreementsExport,
  ) {}

  @Get()
  @AnyRole()
  list(
    @Query(new ZodValidationPipe(ListAgreementsQuerySchema))
    query: ParsedRequestOf<'agreements.agreement.list'>,
    @BusContext() context: RequestOptions,
  ): Promise<AgreementPage> {
    return this.bus.request('agreements.agreement.list', query, context);
  }

  // Exactly what the list shows for the same filters and order, all pages, as CSV or Excel.
  @Get('export')
  @AnyRole()
  async export(
    @Query(new ZodValidationPipe(ExportAgreementsQuerySchema))
    query: z.output<typeof ExportAgreementsQuerySchema>,
    @BusContext() context: RequestOptions,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string | Buffer> {
    const { format, ...filters } = query;
    const file = await this.exports.file(filters, format, context);
    void reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename="${file.fileName}"`);
    return file.body;
  }

  @Get(':id')
  @AnyRole()
  get(
    @Param(new ZodValidationPipe(GetAgreementRequestSchema)) params: AgreementId,
    @BusContext() context: RequestOptions,
  ): Promise<Agreement> {
    return this.bus.request('agreements.agreement.get', params, context);
  }

  @Post()
  @Roles(...AgreementRegistrarRoles)
  @HttpCode(HttpStatus.CREATED)
  async create(
    @Body(new ZodValidationPipe(CreateAgreementRequestSchema))
    command: ParsedRequestOf<'agreements.agreement.create'>,
    @BusContext() context: RequestOptions,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Agreement> {
    const agreement = await this.bus.request('agreements.agreement.create', command, context);
    void reply.header('location', `/api/v1/agreements/${agreement.id}`);
    return agreement;
  }

  @Put(':id')
  @Roles(...AgreementRegistrarRoles)
  update(
    @Param(new ZodValidationPipe(GetAgreementRequestSchema)) { id }: AgreementId,
    @Body(new ZodValidationPipe(UpdateAgreementBodySchema)) body: z.output<typeof UpdateAgreementBodySchema>,
    @BusContext() context: RequestOptions,
  ): Promise<Agreement> {
    return this.bus.request('agreements.agreement.update', { ...body, id }, context);
  }

  @Put(':id/responsibility')
  @Roles(...AgreementRegistrarRoles)
  assign(
    @Param(new ZodValidationPipe(GetAgreementRequestSchema)) { id }: AgreementId,
    @Body(new ZodValidationPipe(AssignAgreementBodySchema)) body: z.output<typeof AssignAgreementBodySchema>,
    @BusContext() context: RequestOptions,
  ): Promise<Agreement> {
    return this.bus.request('agreements.agreement.assign', { ...body, id }, context);
  }

  /** One step of the lifecycle; a refused step answers 409 TRANSITION_REFUSED naming each rule. */
  @Post(':id/transitions')
  @Roles(...AgreementRegistrarRoles)
  @HttpCode(HttpStatus.OK)
  transition(
    @Param(new ZodValidationPipe(GetAgreementRequestSchema)) { id }: AgreementId,
    @Body(new ZodValidationPipe(TransitionBodySchema)) body: z.output<typeof TransitionBodySchema>,
    @BusContext() context: RequestOptions,
  ): Promise<Agreement> {
    return this.bus.request('agreements.agreement.transition', { ...body, id }, context);
  }

  @Get(':id/obligations')
  @AnyRole()
  obligations(
    @Param(new ZodValidationPipe(GetAgreementRequestSchema)) { id }: AgreementId,
    @BusContext() context: RequestOptions,
  ): Promise<ObligationList> {
    return this.bus.request('agreements.obligation.list', { agreementId: id }, context);
  }

  /** The reporting obligations as a whole; results-service works out the calendar from them. */
  @Put(':id/obligations')
  @Roles(...AgreementRegistrarRoles)
  setObligations(
    @Param(new ZodValidationPipe(GetAgreementRequestSchema)) { id }: AgreementId,
    @Body(new ZodValidationPipe(SetObligationsBodySchema)) body: z.output<typeof SetObligationsBodySchema>,
    @BusContext() context: RequestOptions,
  ): Promise<ObligationList> {
    return this.bus.request('agreements.obligation.set', { ...body, agreementId: id }, context);
  }

  @Get(':id/history')
  @AnyRole()
  history(
    @Param(new ZodValidationPipe(GetAgreementRequestSchema)) { id }: AgreementId,
    @Query(new ZodValidationPipe(HistoryQuerySchema)) query: z.output<typeof HistoryQuerySchema>,
    @BusContext() context: RequestOptions,
  ): Promise<AuditViewPage> {
    return this.audit.historyOf('agreements', 'agreement', id, query, context);
  }
}
