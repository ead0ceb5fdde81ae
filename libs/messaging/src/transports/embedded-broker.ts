import { mkdirSync } from 'node:fs';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { join } from 'node:path';
import { Readable } from 'node:stream';

export interface EmbeddedBrokerOptions {
  /** Loopback by default: the embedded broker has no authentication. */
  readonly host?: string;
  /** 0 picks a free port; the chosen one is returned. */
  readonly port: number;
  /**
   * Where sessions and queued messages are kept (`<dataDir>/broker`, LevelDB), so a consumer that
   * is down still gets its messages after the broker itself restarted. Unset: in memory (tests).
   */
  readonly dataDir?: string | undefined;
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

interface DurableStore {
  readonly persistence: unknown;
  close(): Promise<void>;
}

const durableStore = async (dataDir: string): Promise<DurableStore> => {
  const directory = join(dataDir, 'broker');
  mkdirSync(directory, { recursive: true });
  const { Level } = await import('level');
  // aedes-persistence-level ships no type declarations (a factory taking a Level database); a
  // non-literal specifier keeps the compiler from looking for them.
  const untyped = String('aedes-persistence-level');
  const { default: levelPersistence } = (await import(untyped)) as { default: (db: unknown) => unknown };
  const db = new Level(directory);
  // Opened before Aedes reads its sessions, so none of its reads is queued behind the open.
  await db.open();
  return { persistence: levelPersistence(db), close: () => db.close() };
};

/**
 * The bus of the embedded default: an Aedes MQTT broker in this process, on loopback. With a
 * `dataDir`, sessions and queued messages survive a restart of the broker as well as of a service.
 */
export const startEmbeddedBroker = async ({
  host = '127.0.0.1',
  port,
  dataDir,
}: EmbeddedBrokerOptions): Promise<EmbeddedBroker> => {
  // aedes 1.x is ESM-only; loaded lazily so services on NATS never load it.
  const { Aedes } = await import('aedes');
  const store = dataDir && dataDir !== 'memory://' ? await durableStore(dataDir) : undefined;
  // Without a store Aedes keeps everything in memory.
  const broker = await Aedes.createBroker(store ? ({ persistence: store.persistence } as object) : {});
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
    await store?.close();
    throw error;
  }

  let closing: Promise<void> | undefined;
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      (closing ??= Promise.all([
        // Stop accepting first, then let Aedes close its clients so server.close() can complete.
        new Promise<void>((resolve) => server.close(() => resolve())),
        new Promise<void>((resolve) =>
          broker.close(() => {
            // Connections still in their MQTT handshake are not Aedes clients yet.
            for (const socket of sockets) socket.destroy();
            resolve();
          }),
        ),
      ]).then(async () => {
        // The store is released last, so a new broker can open the same directory at once.
        await store?.close();
      })),
  };
};
