import { Controller } from '@nestjs/common';
import type { EventOf, ParsedRequestOf } from '@pardev/contracts';
import { OnEvent, OnRequest, type EventContext } from '@pardev/messaging';
import { ReportingCalendar } from './reporting-calendar';

const todayIso = () => new Date().toISOString().slice(0, 10);

// The reporting calendar follows every agreement event that carries its state.
@Controller()
export class ReportingHandler {
  constructor(private readonly calendar: ReportingCalendar) {}

  @OnEvent('agreements.agreement.registered.v1')
  onRegistered(event: EventOf<'agreements.agreement.registered.v1'>, { manager }: EventContext) {
    return this.calendar.apply(manager, event);
  }

  @OnEvent('agreements.agreement.updated.v1')
  onUpdated(event: EventOf<'agreements.agreement.updated.v1'>, { manager }: EventContext) {
    return this.calendar.apply(manager, event);
  }

  @OnEvent('agreements.agreement.status-changed.v1')
  onStatusChanged(event: EventOf<'agreements.agreement.status-changed.v1'>, { manager }: EventContext) {
    return this.calendar.apply(manager, {
      ...event,
      terminatedOn: event.status === 'TERMINATED' ? event.changedAt.slice(0, 10) : null,
    });
  }

  @OnEvent('agreements.agreement.obligations-set.v1')
  onObligationsSet(event: EventOf<'agreements.agreement.obligations-set.v1'>, { manager }: EventContext) {
    return this.calendar.apply(manager, event);
  }

  @OnRequest('results.report.list')
  list(query: ParsedRequestOf<'results.report.list'>) {
    return this.calendar.list(query, todayIso());
  }
}
