import { createServer, type AddressInfo, type Socket } from 'node:net';
import { Readable } from 'node:stream';

export interface EmbeddedBrokerOptions {
  /** Loopback by default: the embedded broker has no authentication. */
  readonly host?: string;
  /** 0 picks a free port; the chosen one is returned. */
  readonly port: number;
}

export interface EmbeddedBroker {
  readonly port: number;
  close(): Promise<void>;
}

interface QueuedPacket {
  readonly messageId?: number;
  readonly dup?: boolean;
}

interface OutgoingPersistence {
  outgoingStream(client: unknown): Readable;
}

// Aedes re-sends unacknowledged QoS 1 messages on reconnect without the DUP flag that MQTT 3.1.1
// requires (MQTT-3.3.1-1), so a consumer could not tell a redelivery from a first delivery.
// A queued packet that already has a packet id was written to the client before: mark it.
const markResentAsDuplicates = (persistence: OutgoingPersistence): void => {
  const outgoingStream = persistence.outgoingStream.bind(persistence);
  persistence.outgoingStream = (client) =>
    Readable.from(
      (async function* () {
        for await (const packet of outgoingStream(client) as AsyncIterable<QueuedPacket>) {
          yield packet.messageId ? { ...packet, dup: true } : packet;
        }
      })(),
    );
};

/**
 * The bus of the embedded default: an Aedes MQTT broker in this process, on loopback.
 * Its persistence is in memory: sessions and queued messages survive a service restart, not a broker restart.
 */
export const startEmbeddedBroker = async ({
  host = '127.0.0.1',
  port,
}: EmbeddedBrokerOptions): Promise<EmbeddedBroker> => {
  // aedes 1.x is ESM-only; loaded lazily so services on NATS never load it.
  const { Aedes } = await import('aedes');
  const broker = await Aedes.createBroker();
  // `persistence` is not in Aedes' type declarations.
  markResentAsDuplicates((broker as unknown as { persistence: OutgoingPersistence }).persistence);

  const server = createServer(broker.handle);
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await new Promise<void>((resolve) => broker.close(() => resolve()));
    throw error;
  }

  let closing: Promise<void> | undefined;
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        // Stop accepting first, then let Aedes close its clients so server.close() can complete.
        server.close(() => resolve());
        broker.close(() => {
          // Connections still in their MQTT handshake are not Aedes clients yet.
          for (const socket of sockets) socket.destroy();
        });
      })),
  };
};
