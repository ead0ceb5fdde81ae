// Bundles a Node app (NestJS) into dist/<app>/main.js: workspace libs inlined, npm packages left
// external (installed in the runtime image). esbuild bundles; SWC compiles each TypeScript file
// because Nest's dependency injection needs decorator metadata, which esbuild does not emit.
import { build } from 'esbuild';
import { transformFile } from '@swc/core';
import { readFileSync } from 'node:fs';
import { resolve, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const project = process.argv[2];
if (!project) {
  console.error('usage: build-node-app.mjs apps/<name>');
  process.exit(2);
}
const outdir = resolve(root, 'dist', project);
const started = Date.now();

const swcDecorators = {
  name: 'swc-decorators',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const { code, map } = await transformFile(args.path, {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
          keepClassNames: true,
        },
        sourceMaps: 'inline',
        module: { type: 'es6' },
      });
      return { contents: map ? code : code, loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

// npm packages stay external; @pardev/* (tsconfig paths) and relative imports are bundled.
const externalPackages = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('@pardev/')) return undefined;
      return { path: args.path, external: true };
    });
  },
};

const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
await build({
  entryPoints: [resolve(root, project, 'src/main.ts')],
  outfile: resolve(outdir, 'main.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  tsconfig: resolve(root, 'tsconfig.base.json'),
  plugins: [externalPackages, swcDecorators],
  logLevel: 'warning',
  legalComments: 'none',
  banner: { js: `// ${project} (${pkg.name} ${pkg.version}); built by tools/build/build-node-app.mjs` },
});
console.log(`built ${relative(root, outdir)}/main.js in ${Date.now() - started} ms`);
