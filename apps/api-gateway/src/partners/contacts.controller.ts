import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Put } from '@nestjs/common';
import {
  ContactBodySchema,
  GetPartnerRequestSchema,
  PartnerEditorRoles,
  type ContactList,
  type ParsedRequestOf,
} from '@pardev/contracts';
import { MessageBus, type RequestOptions } from '@pardev/messaging';
import type { z } from 'zod';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { AnyRole, BusContext, Roles } from '../identity/access.decorators';

type PartnerId = ParsedRequestOf<'partners.partner.get'>;
export const ContactParamsSchema = GetPartnerRequestSchema.extend({
  contactId: GetPartnerRequestSchema.shape.id,
});
type ContactParams = z.output<typeof ContactParamsSchema>;
type ContactBody = z.output<typeof ContactBodySchema>;

// Contacts belong to partners-service, which decides who may change them (as for the partner).
@Controller('api/v1/partners/:id/contacts')
export class ContactsController {
  constructor(private readonly bus: MessageBus) {}

  @Get()
  @AnyRole()
  list(
    @Param(new ZodValidationPipe(GetPartnerRequestSchema)) { id }: PartnerId,
    @BusContext() context: RequestOptions,
  ): Promise<ContactList> {
    return this.bus.request('partners.contact.list', { partnerId: id }, context);
  }

  @Post()
  @Roles(...PartnerEditorRoles)
  @HttpCode(HttpStatus.OK)
  add(
    @Param(new ZodValidationPipe(GetPartnerRequestSchema)) { id }: PartnerId,
    @Body(new ZodValidationPipe(ContactBodySchema)) body: ContactBody,
    @BusContext() context: RequestOptions,
  ): Promise<ContactList> {
    return this.bus.request('partners.contact.add', { ...body, partnerId: id }, context);
  }

  @Put(':contactId')
  @Roles(...PartnerEditorRoles)
  update(
    @Param(new ZodValidationPipe(ContactParamsSchema)) { id, contactId }: ContactParams,
    @Body(new ZodValidationPipe(ContactBodySchema)) body: ContactBody,
    @BusContext() context: RequestOptions,
  ): Promise<ContactList> {
    return this.bus.request('partners.contact.update', { ...body, partnerId: id, contactId }, context);
  }

  @Delete(':contactId')
  @Roles(...PartnerEditorRoles)
  remove(
    @Param(new ZodValidationPipe(ContactParamsSchema)) { id, contactId }: ContactParams,
    @BusContext() context: RequestOptions,
  ): Promise<ContactList> {
    return this.bus.request('partners.contact.remove', { partnerId: id, contactId }, context);
  }
}
