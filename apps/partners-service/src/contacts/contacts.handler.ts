import { Controller } from '@nestjs/common';
import type { ParsedRequestOf } from '@pardev/contracts';
import { OnRequest, type RequestContext } from '@pardev/messaging';
import { ContactsService } from './contacts.service';

@Controller()
export class ContactsHandler {
  constructor(private readonly contacts: ContactsService) {}

  @OnRequest('partners.contact.list')
  list({ partnerId }: ParsedRequestOf<'partners.contact.list'>) {
    return this.contacts.listOf(partnerId);
  }

  @OnRequest('partners.contact.add')
  add(command: ParsedRequestOf<'partners.contact.add'>, { envelope }: RequestContext) {
    return this.contacts.add(command, envelope);
  }

  @OnRequest('partners.contact.update')
  update(command: ParsedRequestOf<'partners.contact.update'>, { envelope }: RequestContext) {
    return this.contacts.update(command, envelope);
  }

  @OnRequest('partners.contact.remove')
  remove(command: ParsedRequestOf<'partners.contact.remove'>, { envelope }: RequestContext) {
    return this.contacts.remove(command, envelope);
  }
}
