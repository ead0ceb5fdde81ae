export * from './ids';
export * from './config';
export * from './database';
export * from './audit-columns';
export * from './messaging/messaging.entities';
export * from './persistence.module';
export * from './search';
export * from './audit/index';
