import 'reflect-metadata';
import { runService } from '@pardev/messaging';
import { AppModule, SERVICE } from './app.module';
import { loadConfig } from './config';

const config = loadConfig();
void runService({
  service: SERVICE,
  module: AppModule.forRoot(config),
  host: config.HOST,
  healthPort: config.HEALTH_PORT,
  logLevel: config.LOG_LEVEL,
}).catch((error: unknown) => {
  console.error(`${SERVICE} failed to start`, error);
  process.exit(1);
});
