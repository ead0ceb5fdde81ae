import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { stopWhenParentExits } from '@pardev/messaging';
import type { AddressInfo } from 'node:net';
import { loadConfig } from './config';
import { createGatewayApp } from './gateway-app';
import { SERVICE } from './health/health.service';

const start = async (): Promise<void> => {
  const config = loadConfig();
  const app = await createGatewayApp(config);
  app.enableShutdownHooks();
  await app.listen({ port: config.PORT, host: config.HOST });
  stopWhenParentExits(app);
  const { port } = app.getHttpServer().address() as AddressInfo;
  new Logger(SERVICE).log(`ready on http://${config.HOST}:${port} (API under /api/v1, health on /health)`);
};

start().catch((error: unknown) => {
  console.error(`${SERVICE} failed to start`, error);
  process.exit(1);
});
