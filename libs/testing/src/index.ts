export * from './databases';
export * from './buses';
