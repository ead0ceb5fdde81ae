import { Controller } from '@nestjs/common';
import type { ParsedRequestOf } from '@pardev/contracts';
import { OnRequest, type RequestContext } from '@pardev/messaging';
import { PartnerImportsService } from './partner-imports.service';

// Bus adapter of the spreadsheet import; the service checks who may.
@Controller()
export class PartnerImportsHandler {
  constructor(private readonly imports: PartnerImportsService) {}

  @OnRequest('partners.import.start')
  start(request: ParsedRequestOf<'partners.import.start'>, { envelope }: RequestContext) {
    return this.imports.start(request, envelope);
  }

  @OnRequest('partners.import.stage-rows')
  stageRows(request: ParsedRequestOf<'partners.import.stage-rows'>, { envelope }: RequestContext) {
    return this.imports.stageRows(request, envelope);
  }

  @OnRequest('partners.import.check')
  check({ importId }: ParsedRequestOf<'partners.import.check'>, { envelope }: RequestContext) {
    return this.imports.check(importId, envelope);
  }

  @OnRequest('partners.import.apply')
  apply({ importId }: ParsedRequestOf<'partners.import.apply'>, { envelope }: RequestContext) {
    return this.imports.apply(importId, envelope);
  }

  @OnRequest('partners.import.get')
  get({ importId }: ParsedRequestOf<'partners.import.get'>, { envelope }: RequestContext) {
    return this.imports.get(importId, envelope);
  }

  @OnRequest('partners.import.rows')
  rows(query: ParsedRequestOf<'partners.import.rows'>, { envelope }: RequestContext) {
    return this.imports.rows(query, envelope);
  }
}
