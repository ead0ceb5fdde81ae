import { Controller } from '@nestjs/common';
import { ErrorCode, canSeeDueDiligence, type ParsedRequestOf } from '@pardev/contracts';
import { DomainError, OnRequest, type RequestContext } from '@pardev/messaging';
import { DueDiligenceService } from './due-diligence.service';

@Controller()
export class DueDiligenceHandler {
  constructor(private readonly dueDiligence: DueDiligenceService) {}

  @OnRequest('partners.due-diligence.get')
  get({ partnerId }: ParsedRequestOf<'partners.due-diligence.get'>, { envelope }: RequestContext) {
    return this.dueDiligence.get(partnerId, envelope.actor);
  }

  @OnRequest('partners.check.record')
  record(command: ParsedRequestOf<'partners.check.record'>, { envelope }: RequestContext) {
    return this.dueDiligence.recordCheck(command, envelope);
  }

  @OnRequest('partners.check.expiring')
  expiring({ days }: ParsedRequestOf<'partners.check.expiring'>, { envelope }: RequestContext) {
    // Check details are not for viewers, here as on the partner's own due diligence.
    if (!envelope.actor || !canSeeDueDiligence(envelope.actor)) {
      throw new DomainError(ErrorCode.Forbidden, 'due-diligence checks are not shown to viewers');
    }
    return this.dueDiligence.expiring(days);
  }

  @OnRequest('partners.flag.raise')
  raise(command: ParsedRequestOf<'partners.flag.raise'>, { envelope }: RequestContext) {
    return this.dueDiligence.raiseFlag(command, envelope);
  }

  @OnRequest('partners.flag.resolve')
  resolve(command: ParsedRequestOf<'partners.flag.resolve'>, { envelope }: RequestContext) {
    return this.dueDiligence.resolveFlag(command, envelope);
  }
}
