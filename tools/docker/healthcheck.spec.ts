import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// tools/docker/healthcheck.mjs is the HEALTHCHECK of every Node image (node:20-slim has no curl).

const script = fileURLToPath(new URL('./healthcheck.mjs', import.meta.url));

const probe = (
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stderr: string }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      env: { PATH: process.env.PATH, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });

describe('healthcheck.mjs', () => {
  let server: Server;
  let port: number;
  const base = (): string => `http://127.0.0.1:${port}`;

  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === '/health') response.writeHead(200).end('{"status":"ok"}');
      else if (request.url === '/down') response.writeHead(503).end('{"status":"error"}');
      else if (request.url === '/hang')
        response.writeHead(200).flushHeaders(); // body never ends
      else if (request.url === '/silent')
        return; // never answers
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('exits 0 on a 2xx answer', async () => {
    expect((await probe([`${base()}/health`])).code).toBe(0);
  });

  it('finds /health on $HEALTH_PORT (services) or $PORT (gateway) without arguments', async () => {
    expect((await probe([], { HEALTH_PORT: String(port) })).code).toBe(0);
    expect((await probe([], { PORT: String(port) })).code).toBe(0);
    expect((await probe([], { HEALTHCHECK_URL: `${base()}/health` })).code).toBe(0);
  });

  it('exits 1 on an error status, naming it', async () => {
    const result = await probe([`${base()}/down`]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('503');
  });

  it('exits 1 when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const freePort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const result = await probe([], { HEALTH_PORT: String(freePort) });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`127.0.0.1:${freePort}/health`);
  });

  it('exits 1 when the answer does not come within the timeout', async () => {
    const started = Date.now();
    const result = await probe([`${base()}/silent`], { HEALTHCHECK_TIMEOUT_MS: '300' });
    expect(result.code).toBe(1);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('does not wait for the body of a healthy answer', async () => {
    expect((await probe([`${base()}/hang`], { HEALTHCHECK_TIMEOUT_MS: '2000' })).code).toBe(0);
  });
});
