import { describe, expect, it } from 'vitest';
import type { EntityManager } from 'typeorm';
import type { MessageBus } from './message-bus';
import type { Outbox } from './outbox';
import { OnEvent, OnRequest } from './nest/decorators';
import type { EventContext } from './event-processor';

// Compile-time guarantees, checked by `tsc` (the typecheck target): each `@ts-expect-error` line
// must really be an error, or the typecheck fails. The functions are never called.
export const wrongUses = (bus: MessageBus, outbox: Outbox, manager: EntityManager) => {
  // @ts-expect-error an unknown subject does not compile
  void bus.request('partners.partner.delete', { id: 'x' });
  // @ts-expect-error a payload of the wrong shape does not compile
  void bus.request('partners.partner.get', { partnerId: 'x' });
  // @ts-expect-error an unknown event does not compile
  void outbox.publish(manager, 'partners.partner.deleted.v1', {});
  // @ts-expect-error an event payload of the wrong shape does not compile
  void outbox.publish(manager, 'partners.partner.registered.v1', { name: 1 });
};

export class WrongHandlers {
  // @ts-expect-error a handler for an unknown subject does not compile
  @OnRequest('partners.partner.delete')
  async remove(): Promise<void> {
    return undefined;
  }

  // @ts-expect-error a handler returning the wrong type for its subject does not compile
  @OnRequest('partners.partner.get')
  async get(): Promise<{ id: number }> {
    return { id: 1 };
  }

  // @ts-expect-error an event handler expecting another event's payload does not compile
  @OnEvent('partners.partner.registered.v1')
  async on(_event: { agreementId: string }, _context: EventContext): Promise<void> {
    return undefined;
  }
}

describe('typed registry', () => {
  it('is enforced at compile time (see the @ts-expect-error lines above, checked by tsc)', () => {
    expect(typeof wrongUses).toBe('function');
  });
});
