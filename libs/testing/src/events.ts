import { Header, type EventOf, type EventSubject } from '@pardev/contracts';
import { newId } from '@pardev/persistence';
import type { Transport } from '@pardev/messaging';

/** Publishes an event as its producer's outbox relay would (message id = dedup id). */
export const publishEvent = async <S extends EventSubject>(
  transport: Transport,
  subject: S,
  payload: EventOf<S>,
  messageId = newId(),
): Promise<string> => {
  await transport.publish(subject, JSON.stringify(payload), {
    [Header.MessageId]: messageId,
    [Header.CorrelationId]: messageId,
    [Header.OccurredAt]: new Date().toISOString(),
    [Header.Producer]: 'partners-service',
  });
  return messageId;
};

export const aPartnerRegistered = (
  overrides: Partial<EventOf<'partners.partner.registered.v1'>> = {},
): EventOf<'partners.partner.registered.v1'> => ({
  partnerId: newId(),
  name: 'Swedish International Development Cooperation Agency',
  acronym: 'Sida',
  organisationType: '10',
  category: 'GOVERNMENT_OECD_DAC',
  country: 'SE',
  version: 1,
  registeredAt: new Date().toISOString(),
  ...overrides,
});

/** The partner's next version, as partners-service announces an edit of it. */
export const aPartnerUpdated = (
  registered: EventOf<'partners.partner.registered.v1'>,
): EventOf<'partners.partner.updated.v1'> => ({
  partnerId: registered.partnerId,
  name: registered.name,
  acronym: registered.acronym,
  organisationType: registered.organisationType,
  category: registered.category,
  country: registered.country,
  responsibleOfficerId: null,
  delegateIds: [],
  version: registered.version + 1,
  updatedAt: new Date().toISOString(),
});

export const waitFor = async <T>(
  probe: () => Promise<T | undefined | false>,
  timeoutMs = 10_000,
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    // Not yet: undefined, or false (so that a condition can be written as a boolean).
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
};
