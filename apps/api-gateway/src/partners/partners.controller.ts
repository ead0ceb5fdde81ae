import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, Res } from '@nestjs/common';
import {
  GetPartnerRequestSchema,
  ListPartnersQuerySchema,
  PartnerRegistrarRoles,
  RegisterPartnerRequestSchema,
  type ParsedRequestOf,
  type Partner,
  type PartnerPage,
} from '@pardev/contracts';
import { MessageBus, type RequestOptions } from '@pardev/messaging';
import type { FastifyReply } from 'fastify';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { AnyRole, BusContext, Roles } from '../identity/access.decorators';

// Partners belong to partners-service: each route is one typed request on the bus.
@Controller('api/v1/partners')
export class PartnersController {
  constructor(private readonly bus: MessageBus) {}

  @Get()
  @AnyRole()
  list(
    @Query(new ZodValidationPipe(ListPartnersQuerySchema)) query: ParsedRequestOf<'partners.partner.list'>,
    @BusContext() context: RequestOptions,
  ): Promise<PartnerPage> {
    return this.bus.request('partners.partner.list', query, context);
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
}
