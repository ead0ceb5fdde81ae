import { fileURLToPath } from 'node:url';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// Lives in tools/ to keep the repository's top level as agreed; every path below is from the root.
const root = fileURLToPath(new URL('../..', import.meta.url));

// One vitest run with a project per test tier; `npm test` runs them all and prints the
// `tests: N passed, N failed` line CI reads (tools/test/run-tests.mjs).
const nest = () =>
  swc.vite({
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
  });

export default defineConfig({
  root,
  resolve: { tsconfigPaths: true },
  test: {
    reporters: ['default'],
    // The default on a 2-core machine is one worker, so every file waited for the one before it,
    // though integration, system and e2e files spend most of their time waiting on other processes.
    // Two workers overlap them (those projects still run their own files one at a time).
    maxWorkers: 2,
    projects: [
      {
        plugins: [nest()],
        resolve: { tsconfigPaths: true },
        test: {
          name: 'unit',
          environment: 'node',
          include: ['apps/*/src/**/*.spec.ts', 'libs/*/src/**/*.spec.ts', 'tools/**/*.spec.ts'],
          exclude: ['**/*.int.spec.ts', 'apps/admin/**', '**/node_modules/**'],
        },
      },
      {
        plugins: [nest()],
        resolve: { tsconfigPaths: true },
        test: {
          name: 'integration',
          environment: 'node',
          include: ['apps/*/src/**/*.int.spec.ts', 'libs/*/src/**/*.int.spec.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        resolve: { tsconfigPaths: true },
        test: {
          name: 'admin',
          environment: 'jsdom',
          include: ['apps/admin/src/**/*.spec.{ts,tsx}'],
          setupFiles: ['apps/admin/src/test-setup.ts'],
        },
      },
      {
        resolve: { tsconfigPaths: true },
        test: {
          name: 'system',
          environment: 'node',
          include: ['tests/system/**/*.spec.ts', 'tools/**/*.int.spec.ts'],
          testTimeout: 300_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        resolve: { tsconfigPaths: true },
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.spec.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
