import { randomBytes } from 'node:crypto';
import { startEmbeddedBroker } from '@pardev/messaging';

export type BusKind = 'embedded' | 'nats';

export interface TestBus {
  readonly kind: BusKind;
  readonly url: string;
  /** Isolates this test's streams, subjects and consumers on a shared NATS server. */
  readonly namespace: string | undefined;
  close(): Promise<void>;
}

/** The embedded broker always; NATS too when TEST_NATS_URL is set (as in CI). */
export const busKinds = (): BusKind[] => (process.env.TEST_NATS_URL ? ['embedded', 'nats'] : ['embedded']);

export const startTestBus = async (kind: BusKind): Promise<TestBus> => {
  if (kind === 'nats') {
    const url = process.env.TEST_NATS_URL;
    if (!url) throw new Error('TEST_NATS_URL is not set');
    return { kind, url, namespace: `t${randomBytes(4).toString('hex')}`, close: async () => undefined };
  }
  const broker = await startEmbeddedBroker({ host: '127.0.0.1', port: 0 });
  return { kind, url: `mqtt://127.0.0.1:${broker.port}`, namespace: undefined, close: () => broker.close() };
};
