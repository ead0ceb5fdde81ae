// Shared vitest suites: a separate entry so non-test code importing @pardev/testing never loads vitest.
export * from './partner-directory.suite';
