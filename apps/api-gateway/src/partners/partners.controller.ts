import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put, Query, Res } from '@nestjs/common';
import {
  AssignPartnerBodySchema,
  ExportPartnersQuerySchema,
  FindDuplicatesQuerySchema,
  type DuplicateCandidates,
  GetPartnerRequestSchema,
  HistoryQuerySchema,
  ListPartnersQuerySchema,
  PartnerEditorRoles,
  PartnerRegistrarRoles,
  PartnerTimelineQuerySchema,
  type PartnerTimeline,
  RegisterPartnerRequestSchema,
  UpdatePartnerBodySchema,
  type AuditViewPage,
  type ParsedRequestOf,
  type Partner,
  type PartnerPage,
} from '@pardev/contracts';
import { MessageBus, type RequestOptions } from '@pardev/messaging';
import type { FastifyReply } from 'fastify';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import type { z } from 'zod';
import { AuditReader } from '../audit/audit-reader';
import { PartnersExport } from './partners-export';
import { AnyRole, BusContext, Roles } from '../identity/access.decorators';

type PartnerId = ParsedRequestOf<'partners.partner.get'>;

// Partners belong to partners-service: each route is one typed request on the bus.
@Controller('api/v1/partners')
export class PartnersController {
  constructor(
    private readonly bus: MessageBus,
    private readonly audit: AuditReader,
    private readonly exports: PartnersExport,
  ) {}

  @Get()
  @AnyRole()
  list(
    @Query(new ZodValidationPipe(ListPartnersQuerySchema)) query: ParsedRequestOf<'partners.partner.list'>,
    @BusContext() context: RequestOptions,
  ): Promise<PartnerPage> {
    return this.bus.request('partners.partner.list', query, context);
  }

  // Exactly what the list shows for the same filters and order, all pages, as CSV or Excel.
  @Get('export')
  @AnyRole()
  async export(
    @Query(new ZodValidationPipe(ExportPartnersQuerySchema))
    query: z.output<typeof ExportPartnersQuerySchema>,
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

  // Before registering (or renaming): partners with the same IATI identifier or a name alike.
  @Get('duplicates')
  @Roles(...PartnerEditorRoles)
  findDuplicates(
    @Query(new ZodValidationPipe(FindDuplicatesQuerySchema))
    query: ParsedRequestOf<'partners.partner.find-duplicates'>,
    @BusContext() context: RequestOptions,
  ): Promise<DuplicateCandidates> {
    return this.bus.request('partners.partner.find-duplicates', query, context);
  }

  @Get(':id')
  @AnyRole()
  get(
    @Param(new ZodValidationPipe(GetPartnerRequestSchema)) params: ParsedRequestOf<'partners.partner.get'>,
    @BusContext() context: RequestOptions,
  ): Promise<Partner> {
    return this.bus.request('partners.partner.get', params, context);
  }

  @Post()
  @Roles(...PartnerRegistrarRoles)
  @HttpCode(HttpStatus.CREATED)
  async register(
    @Body(new ZodValidationPipe(RegisterPartnerRequestSchema))
    command: ParsedRequestOf<'partners.partner.register'>,
    @BusContext() context: RequestOptions,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Partner> {
    const partner = await this.bus.request('partners.partner.register', command, context);
    void reply.header('location', `/api/v1/partners/${partner.id}`);
    return partner;
  }

  // Officers may call these; partners-service decides whether this officer may change this partner.
  @Put(':id')
  @Roles(...PartnerEditorRoles)
  update(
    @Param(new ZodValidationPipe(GetPartnerRequestSchema)) { id }: PartnerId,
    @Body(new ZodValidationPipe(UpdatePartnerBodySchema)) body: z.output<typeof UpdatePartnerBodySchema>,
    @BusContext() context: RequestOptions,
  ): Promise<Partner> {
    return this.bus.request('partners.partner.update', { ...body, id }, context);
  }

  @Put(':id/responsibility')
  @Roles(...PartnerEditorRoles)
  assign(
    @Param(new ZodValidationPipe(GetPartnerRequestSchema)) { id }: PartnerId,
    @Body(new ZodValidationPipe(AssignPartnerBodySchema)) body: z.output<typeof AssignPartnerBodySchema>,
    @BusContext() context: RequestOptions,
  ): Promise<Partner> {
    return this.bus.request('partners.partner.assign', { ...body, id }, context);
  }

  /** What happened with the partner's agreements (fed by agreements-service's events). */
  @Get(':id/timeline')
  @AnyRole()
  timeline(
    @Param(new ZodValidationPipe(GetPartnerRequestSchema)) { id }: PartnerId,
    @Query(new ZodValidationPipe(PartnerTimelineQuerySchema))
    query: z.output<typeof PartnerTimelineQuerySchema>,
    @BusContext() context: RequestOptions,
  ): Promise<PartnerTimeline> {
    return this.bus.request('partners.partner.timeline', { ...query, partnerId: id }, context);
  }

  @Get(':id/history')
  @AnyRole()
  history(
    @Param(new ZodValidationPipe(GetPartnerRequestSchema)) { id }: PartnerId,
    @Query(new ZodValidationPipe(HistoryQuerySchema)) query: z.output<typeof HistoryQuerySchema>,
    @BusContext() context: RequestOptions,
  ): Promise<AuditViewPage> {
    return this.audit.historyOf('partners', 'partner', id, query, context);
  }
}
