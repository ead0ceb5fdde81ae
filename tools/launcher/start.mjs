#!/usr/bin/env node
// `npm start` / `npm run start:prod`: builds what is missing or stale, then runs the launcher.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const projects = [
  'partners-service',
  'agreements-service',
  'results-service',
  'api-gateway',
  'admin',
  'launcher',
];
const outputs = [
  'dist/apps/partners-service/main.js',
  'dist/apps/agreements-service/main.js',
  'dist/apps/results-service/main.js',
  'dist/apps/api-gateway/main.js',
  'dist/apps/admin/index.html',
  'dist/tools/launcher/main.js',
].map((p) => join(root, p));
const sources = ['apps', 'libs', 'tools/launcher', 'tools/build', 'package-lock.json', 'tsconfig.base.json'];

const newest = (path) => {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    max = Math.max(max, newest(join(path, entry)));
  }
  return max;
};

const built = outputs.every(existsSync);
const stale =
  built &&
  Math.max(...sources.map((s) => newest(join(root, s)))) >
    Math.min(...outputs.map((o) => statSync(o).mtimeMs));
if (!built || stale || process.argv.includes('--rebuild')) {
  console.log(built ? 'Sources changed: rebuilding…' : 'First start: building the apps (about a minute)…');
  const result = spawnSync(
    'npx',
    ['nx', 'run-many', '-t', 'build', `--projects=${projects.join(',')}`, '--output-style=static'],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
    },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}
await import(pathToFileURL(join(root, 'dist/tools/launcher/main.js')).href);
