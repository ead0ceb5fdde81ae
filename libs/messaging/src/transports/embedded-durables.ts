import { connect, type IClientOptions, type IConnackPacket } from 'mqtt';
import { Topics, firstConnect } from './embedded-wire';

export interface HoldEventsOptions {
  /** The namespace the services use (BUS_NAMESPACE), so the sessions are theirs. */
  readonly namespace?: string | undefined;
  readonly connectTimeoutMs?: number;
}

/**
 * Makes the broker keep every event for these durable consumers (the services' names) from now on,
 * even before their first start, as a JetStream stream does for a consumer created later.
 *
 * Without it, an MQTT broker drops what is published while a durable session does not exist yet:
 * on a fresh install the services start together, and the partners seeded by partners-service were
 * lost for agreements-service whenever it subscribed a moment later.
 *
 * Each session is created (clean: false) subscribed to every event topic, the one subscription its
 * consumer makes too (it filters the subjects it wants and acknowledges the others unread), so the
 * events published meanwhile are queued for it. A session that already exists is left as it is:
 * this client never acknowledges anything, so messages queued in it stay there.
 */
export const holdEventsFor = async (
  url: string,
  durables: readonly string[],
  { namespace, connectTimeoutMs = 10_000 }: HoldEventsOptions = {},
): Promise<void> => {
  const topics = new Topics(namespace);
  for (const durable of durables) {
    const client = connect(url, {
      clientId: topics.durableClientId(durable),
      clean: false,
      manualConnect: true,
      reconnectPeriod: 0,
      connectTimeout: connectTimeoutMs,
      protocolVersion: 4,
      keepalive: 0,
    } satisfies IClientOptions);
    // Queued messages of an existing session may arrive: never acknowledged, they stay queued.
    client.handleMessage = () => undefined;
    let sessionPresent = false;
    client.once('connect', (connack: IConnackPacket) => (sessionPresent = connack.sessionPresent));
    await firstConnect(client, url, connectTimeoutMs);
    try {
      if (!sessionPresent) await client.subscribeAsync(topics.allEvents(), { qos: 1 });
    } finally {
      await client.endAsync(true);
    }
  }
};
