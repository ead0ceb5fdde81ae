import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

// What the browser must download before the admin can run: the entry module script and every
// <link rel="modulepreload"> in the built index.html, gzipped at level 9 (what a CDN or nginx with
// gzip_comp_level 9 would send). Lazily imported chunks are not counted.

export interface AdminAsset {
  readonly path: string;
  readonly kind: 'entry' | 'modulepreload' | 'static import (not preloaded)';
  readonly bytes: number;
  readonly gzipBytes: number;
}

export interface AdminBundle {
  readonly assets: AdminAsset[];
  /** Entry + modulepreload, the brief's definition. */
  readonly initialGzipBytes: number;
  /** Also following static `import … from "./x.js"` of those files (cross-check; normally equal). */
  readonly staticClosureGzipBytes: number;
  readonly cssGzipBytes: number;
}

const attribute = (tag: string, name: string): string | undefined =>
  new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i')
    .exec(tag)
    ?.slice(1)
    .find((v) => v !== undefined);

const localPath = (dir: string, url: string): string | undefined => {
  if (/^[a-z]+:\/\//i.test(url) || url.startsWith('//')) return undefined;
  return join(dir, url.replace(/^\//, '').split(/[?#]/)[0]!);
};

const gzipSize = (file: string): { bytes: number; gzipBytes: number } => {
  const content = readFileSync(file);
  return { bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
};

// Minified ES modules: `import{a as b}from"./x.js"`, `import"./y.js"`, `export{…}from"./z.js"`.
const STATIC_IMPORT =
  /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g;

export const measureAdminBundle = (dir: string): AdminBundle => {
  const indexFile = join(dir, 'index.html');
  if (!existsSync(indexFile)) throw new Error(`${indexFile} is missing: build the admin first`);
  const html = readFileSync(indexFile, 'utf8');
  const initial = new Map<string, AdminAsset['kind']>();
  let css = 0;
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const isScript = /^<script/i.test(tag);
    if (isScript && attribute(tag, 'type') === 'module') {
      const src = attribute(tag, 'src');
      const file = src ? localPath(dir, src) : undefined;
      if (file) initial.set(file, 'entry');
    } else if (!isScript) {
      const rel = attribute(tag, 'rel')?.toLowerCase();
      const file = localPath(dir, attribute(tag, 'href') ?? '');
      if (!file) continue;
      if (rel === 'modulepreload' && !initial.has(file)) initial.set(file, 'modulepreload');
      if (rel === 'stylesheet' && existsSync(file)) css += gzipSize(file).gzipBytes;
    }
  }
  if (![...initial.values()].includes('entry'))
    throw new Error(`${indexFile} has no <script type="module" src=…>`);

  const assets: AdminAsset[] = [];
  const seen = new Set<string>();
  const queue = [...initial.entries()];
  while (queue.length > 0) {
    const [file, kind] = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!existsSync(file)) throw new Error(`${file} (referenced by index.html) is missing`);
    assets.push({
      path: posix.normalize(file.slice(dir.length).split('\\').join('/')),
      kind,
      ...gzipSize(file),
    });
    const code = readFileSync(file, 'utf8');
    for (const match of code.matchAll(STATIC_IMPORT)) {
      const target = join(file, '..', match[1]!);
      if (!seen.has(target) && !initial.has(target)) queue.push([target, 'static import (not preloaded)']);
    }
  }
  const sum = (list: AdminAsset[]): number => list.reduce((total, asset) => total + asset.gzipBytes, 0);
  return {
    assets,
    initialGzipBytes: sum(assets.filter((a) => a.kind !== 'static import (not preloaded)')),
    staticClosureGzipBytes: sum(assets),
    cssGzipBytes: css,
  };
};
