import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';
import { existsSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';

export const ADMIN_STATIC = Symbol('ADMIN_STATIC');

export interface AdminStatic {
  /** The SPA's directory (holding index.html), or undefined when the gateway serves the API only. */
  readonly dir: string | undefined;
  /** Why there is no SPA, worth a warning at start-up. */
  readonly problem?: string;
}

export const DEFAULT_ADMIN_STATIC_DIR = 'dist/apps/admin';

export const resolveAdminStatic = (configured: string | undefined, cwd = process.cwd()): AdminStatic => {
  const dir = resolve(cwd, configured ?? DEFAULT_ADMIN_STATIC_DIR);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    return {
      dir: undefined,
      problem: `admin SPA not found at ${dir} (build it with \`npx nx run admin:build\`); serving the API only`,
    };
  }
  if (!existsSync(join(dir, 'index.html'))) {
    return { dir: undefined, problem: `${dir} has no index.html; serving the API only` };
  }
  return { dir };
};

// Paths that never fall back to the SPA: the API, the health probe, and build assets (a missing
// hashed asset must fail as a 404, not load index.html as JavaScript).
const NOT_SPA = /^\/(api|health|assets)(\/|$)/;
export const isSpaRoute = (url: string): boolean => !NOT_SPA.test(url.split('?')[0] ?? '');

// Vite puts content-hashed files under assets/: safe to cache forever. Everything else (index.html
// above all) must be revalidated so a new release is picked up.
export const cacheControlFor = (dir: string, file: string): string =>
  file.startsWith(join(dir, 'assets') + sep) ? 'public, max-age=31536000, immutable' : 'no-cache';

export const registerAdminStatic = async (app: NestFastifyApplication, dir: string): Promise<void> => {
  await app.register(fastifyStatic, {
    root: dir,
    // Routes for the files that exist at start; other GETs reach SpaFallbackController.
    wildcard: false,
    cacheControl: false,
    setHeaders: (reply: FastifyReply, file: string) => {
      void reply.header('cache-control', cacheControlFor(dir, file));
    },
  });
};
