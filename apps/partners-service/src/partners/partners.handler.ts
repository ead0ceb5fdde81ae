import { Controller } from '@nestjs/common';
import type { ParsedRequestOf } from '@pardev/contracts';
import { OnRequest, type RequestContext } from '@pardev/messaging';
import { PartnersService } from './partners.service';

// Bus adapter: payloads arrive validated against their contract; the service does the work.
@Controller()
export class PartnersHandler {
  constructor(private readonly partners: PartnersService) {}

  @OnRequest('partners.partner.register')
  register(command: ParsedRequestOf<'partners.partner.register'>, { envelope }: RequestContext) {
    return this.partners.register(command, envelope);
  }

  @OnRequest('partners.partner.update')
  update(command: ParsedRequestOf<'partners.partner.update'>, { envelope }: RequestContext) {
    return this.partners.update(command, envelope);
  }

  @OnRequest('partners.partner.assign')
  assign(command: ParsedRequestOf<'partners.partner.assign'>, { envelope }: RequestContext) {
    return this.partners.assign(command, envelope);
  }

  @OnRequest('partners.partner.find-duplicates')
  findDuplicates(query: ParsedRequestOf<'partners.partner.find-duplicates'>) {
    return this.partners.findDuplicates(query);
  }

  @OnRequest('partners.partner.get')
  get({ id }: ParsedRequestOf<'partners.partner.get'>) {
    return this.partners.get(id);
  }

  @OnRequest('partners.partner.list')
  list(query: ParsedRequestOf<'partners.partner.list'>) {
    return this.partners.list(query);
  }
}
