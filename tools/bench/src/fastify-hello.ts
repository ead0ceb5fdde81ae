import type { AddressInfo } from 'node:net';
import { childReady } from './children';

// The baseline: the smallest Fastify app there is, alone in its own process.
export const runFastifyHello = async (): Promise<void> => {
  const { fastify } = await import('fastify');
  const app = fastify({ logger: false });
  app.get('/', async () => ({ hello: 'world' }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  childReady({ url: `http://127.0.0.1:${port}/` }, () => app.close());
};
