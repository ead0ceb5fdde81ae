import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheControlFor, isSpaRoute, resolveAdminStatic } from './admin-static';

const base = mkdtempSync(join(tmpdir(), 'gw-static-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('admin static files', () => {
  it('serves the SPA for client-side routes and never for the API, health or assets', () => {
    expect(isSpaRoute('/')).toBe(true);
    expect(isSpaRoute('/partners/0190c3f2-aaaa-7bbb-8ccc-123456789abc?tab=contacts')).toBe(true);
    expect(isSpaRoute('/apiary')).toBe(true);
    for (const path of ['/api', '/api/v1/nothing', '/health', '/health/x', '/assets/missing-abc123.js']) {
      expect(isSpaRoute(path)).toBe(false);
    }
  });

  it('caches hashed assets forever and revalidates everything else', () => {
    expect(cacheControlFor('/srv/admin', '/srv/admin/assets/index-abc123.js')).toBe(
      'public, max-age=31536000, immutable',
    );
    expect(cacheControlFor('/srv/admin', '/srv/admin/index.html')).toBe('no-cache');
    expect(cacheControlFor('/srv/admin', '/srv/admin/assets-not/x.js')).toBe('no-cache');
  });

  it('uses a directory with an index.html and explains why another is not used', () => {
    const good = join(base, 'good');
    mkdirSync(good);
    writeFileSync(join(good, 'index.html'), '<!doctype html>');
    expect(resolveAdminStatic(good)).toEqual({ dir: good });

    const empty = join(base, 'empty');
    mkdirSync(empty);
    expect(resolveAdminStatic(empty)).toMatchObject({
      dir: undefined,
      problem: expect.stringContaining('no index.html'),
    });
    expect(resolveAdminStatic(join(base, 'missing'))).toMatchObject({
      dir: undefined,
      problem: expect.stringContaining('not found'),
    });
  });

  it('defaults to dist/apps/admin under the working directory', () => {
    const cwd = join(base, 'repo');
    mkdirSync(join(cwd, 'dist/apps/admin'), { recursive: true });
    writeFileSync(join(cwd, 'dist/apps/admin/index.html'), '<!doctype html>');
    expect(resolveAdminStatic(undefined, cwd)).toEqual({ dir: join(cwd, 'dist/apps/admin') });
  });
});
