#!/usr/bin/env node
// `npm test`: typecheck, lint (cached by Nx) and formatting, build the apps the system tests start, run every
// vitest project once, and end with the `tests: N passed, N failed` line CI reads.
// Arguments after `--` go to vitest (e.g. `npm test -- --project unit`).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };
const run = (command, args) => spawnSync(command, args, { cwd: root, stdio: 'inherit', env }).status ?? 1;
const vitestArgs = process.argv.slice(2);
const skipChecks = process.env.SKIP_CHECKS === 'true';

if (!skipChecks) {
  const checks = run('npx', [
    'nx',
    'run-many',
    '-t',
    'typecheck',
    'lint',
    'build',
    '--output-style=static',
    '--parallel=2',
  ]);
  const formatted = checks === 0 ? run('npx', ['prettier', '--check', '--log-level=warn', '.']) : 1;
  if (checks !== 0 || formatted !== 0) {
    console.error('typecheck, lint, build or formatting failed (npm run format fixes formatting)');
    console.log('tests: 0 passed, 1 failed');
    process.exit(1);
  }
}

const report = join(root, 'tmp/vitest-report.json');
mkdirSync(dirname(report), { recursive: true });
rmSync(report, { force: true });
const status = run('npx', [
  'vitest',
  'run',
  '--config',
  'tools/test/vitest.config.mts',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  ...vitestArgs,
]);

if (!existsSync(report)) {
  console.log('tests: 0 passed, 1 failed');
  process.exit(status || 1);
}
const result = JSON.parse(readFileSync(report, 'utf8'));
const passed = result.numPassedTests ?? 0;
const skipped = (result.numPendingTests ?? 0) + (result.numTodoTests ?? 0);
// A suite that fails to load has no failed test in it, but is a failure all the same.
const brokenSuites = (result.testResults ?? []).filter(
  (s) => s.status === 'failed' && (s.assertionResults ?? []).length === 0,
).length;
console.log(
  `tests: ${passed} passed, ${(result.numFailedTests ?? 0) + brokenSuites} failed, ${skipped} skipped`,
);
process.exit(status);
