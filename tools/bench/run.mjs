#!/usr/bin/env node
// `npm run bench`: builds the apps (Nx, cached) and the bench bundle, then runs the bench
// (dist/tools/bench/main.js, bundled from tools/bench/src/main.ts). Arguments are passed through:
//   npm run bench -- --quick                 1 short round (smoke test, ~1 min)
//   npm run bench -- --rounds=5 --duration=10
//   npm run bench -- --system-bus=nats       the system on a private nats-server instead of the embedded broker
//   npm run bench -- --postgres-url=postgres://postgres@127.0.0.1:5432/postgres
//                                            the apps on PostgreSQL (a fresh *_test_* database each, dropped after),
//                                            which also runs the partner search over 10,000 partners
//                                            (--search-partners=N, --search-queries=N) beside the same SQL
//   npm run bench -- --nats-url=nats://…     NATS for the request-reply scenarios (default nats://127.0.0.1:4222;
//                                            a private nats-server is started when it does not answer)
//   npm run bench -- --no-mqtt               request-reply on NATS only
//   npm run bench -- --no-diagnostics        skip the GET /meta and /auth/me split of the gateway's cost
//   npm run bench -- --skip-build            use what is in dist/ as is
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const projects = [
  'partners-service',
  'agreements-service',
  'results-service',
  'api-gateway',
  'admin',
  'launcher',
];

const step = (title, command, commandArgs) => {
  console.log(`[bench] ${title}`);
  const result = spawnSync(command, commandArgs, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
  });
  if (result.status !== 0) {
    console.error(
      `[bench] ${title} failed (${result.error?.message ?? `exit ${result.status ?? result.signal}`})`,
    );
    process.exit(result.status || 1);
  }
};

if (!args.includes('--skip-build')) {
  step('building the apps (nx, cached)', 'npx', [
    'nx',
    'run-many',
    '-t',
    'build',
    `--projects=${projects.join(',')}`,
    '--output-style=static',
  ]);
  step('bundling the bench', process.execPath, [join(root, 'tools/build/build-node-app.mjs'), 'tools/bench']);
}

const child = spawn(
  process.execPath,
  [
    '--enable-source-maps',
    join(root, 'dist/tools/bench/main.js'),
    ...args.filter((a) => a !== '--skip-build'),
  ],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
// Ctrl-C reaches the bench through the terminal's process group; a SIGTERM sent to this wrapper only
// is passed on, so the bench can stop what it started.
process.on('SIGTERM', () => child.kill('SIGTERM'));
process.on('SIGINT', () => undefined);
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
