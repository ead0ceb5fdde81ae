export * from './databases';
export * from './buses';
export * from './services';
export * from './events';
export * from './combinations';
