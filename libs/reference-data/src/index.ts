export * from './codelist';
export * from './generated';
export * from './ilo';
