// Proof that the root eslint.config.mjs rejects forbidden imports.
//
// Each case lints synthetic source text with the ESLint Node API AS IF it were a file inside a project
// (`lintText(code, { filePath })`; the file does not exist, which the Nx rule does not mind: it maps the
// path to a project through the Nx project graph). Nothing is written under apps/ or libs/.
//
// @nx/enforce-module-boundaries only READS the cached project graph (.nx/workspace-data); with no cache it
// skips itself silently. So beforeAll computes the graph first, without the daemon.
//
// Run: NX_DAEMON=false npm run vitest -- run --project unit tools/lint
import type { ProjectGraph } from '@nx/devkit';
import { ESLint, type Linter } from 'eslint';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

process.env.NX_DAEMON = 'false';
process.env.NX_NO_CLOUD = 'true';

const workspaceRoot = fileURLToPath(new URL('../..', import.meta.url));
const RULE = '@nx/enforce-module-boundaries';
type Axis = 'type' | 'scope' | 'platform';

interface DepConstraint {
  sourceTag?: string;
  allSourceTags?: string[];
  onlyDependOnLibsWithTags?: string[];
  notDependOnLibsWithTags?: string[];
  allowedExternalImports?: string[];
  bannedExternalImports?: string[];
}
interface BoundaryOptions {
  enforceBuildableLibDependency?: boolean;
  allow?: string[];
  depConstraints: DepConstraint[];
  ignoredCircularDependencies?: [string, string][];
}

// The tags the projects are meant to carry. If a project.json drifts from this, the first test says so.
const EXPECTED_TAGS: Record<string, string[]> = {
  'api-gateway': ['scope:gateway', 'type:app', 'platform:node'],
  'partners-service': ['scope:partners', 'type:app', 'platform:node'],
  'agreements-service': ['scope:agreements', 'type:app', 'platform:node'],
  'results-service': ['scope:results', 'type:app', 'platform:node'],
  admin: ['scope:admin', 'type:app', 'platform:browser'],
  contracts: ['scope:shared', 'type:contracts', 'platform:any'],
  'reference-data': ['scope:shared', 'type:data', 'platform:any'],
  messaging: ['scope:shared', 'type:messaging', 'platform:node'],
  persistence: ['scope:shared', 'type:persistence', 'platform:node'],
  testing: ['scope:shared', 'type:testing', 'platform:node'],
  launcher: ['scope:tools', 'type:tool', 'platform:node'],
};

// A probe file inside each project (never created on disk).
const probe = {
  admin: 'apps/admin/src/__boundary_probe__.ts',
  partners: 'apps/partners-service/src/__boundary_probe__.ts',
  contracts: 'libs/contracts/src/__boundary_probe__.ts',
  contractsSpec: 'libs/contracts/src/__boundary_probe__.spec.ts',
  referenceData: 'libs/reference-data/src/__boundary_probe__.ts',
  messaging: 'libs/messaging/src/__boundary_probe__.ts',
  persistence: 'libs/persistence/src/__boundary_probe__.ts',
};

const importFrom = (specifier: string) =>
  `import * as probe from '${specifier}';\nexport const used = probe;\n`;

let graph: ProjectGraph;
let eslint: ESLint;
const timings: string[] = [];
const lintMs: number[] = [];

beforeAll(async () => {
  const started = performance.now();
  const { createProjectGraphAsync } = await import('@nx/devkit');
  graph = await createProjectGraphAsync({ exitOnError: false });
  timings.push(`project graph (NX_DAEMON=false): ${Math.round(performance.now() - started)} ms`);
  eslint = new ESLint({ cwd: workspaceRoot });
  // Load the config once up front so per-case times are lint times.
  const loading = performance.now();
  await eslint.calculateConfigForFile(join(workspaceRoot, probe.contracts));
  timings.push(`eslint.config.mjs load: ${Math.round(performance.now() - loading)} ms`);
}, 120_000);

async function boundaryOptionsFor(filePath: string): Promise<BoundaryOptions> {
  const config = (await eslint.calculateConfigForFile(join(workspaceRoot, filePath))) as Linter.Config;
  const entry = config.rules?.[RULE];
  expect(Array.isArray(entry), `${RULE} is not configured for ${filePath}`).toBe(true);
  const [severity, options] = entry as [number, BoundaryOptions];
  expect(severity, `${RULE} must be an error`).toBe(2);
  return options;
}

interface LintOptions {
  /** Keep only the depConstraints of one tag axis, to prove that axis catches the import on its own. */
  onlyAxis?: Axis;
  /**
   * Ignore cycles. The rule reports a circular dependency BEFORE it looks at tags, and as the code grows
   * most forbidden edges also close a cycle (messaging → contracts exists, so contracts → messaging is
   * reported as a cycle). With cycles ignored, the tag constraints have to answer.
   */
  ignoreCycles?: boolean;
}

async function lint(filePath: string, code: string, options: LintOptions = {}) {
  let linter = eslint;
  if (options.onlyAxis || options.ignoreCycles) {
    const real = structuredClone(await boundaryOptionsFor(filePath));
    if (options.onlyAxis) {
      const prefix = `${options.onlyAxis}:`;
      real.depConstraints = real.depConstraints.filter((c) =>
        (c.sourceTag ? [c.sourceTag] : (c.allSourceTags ?? [])).every((tag) => tag.startsWith(prefix)),
      );
      expect(
        real.depConstraints.length,
        `no ${options.onlyAxis}:* constraints in the config`,
      ).toBeGreaterThan(0);
    }
    if (options.ignoreCycles) real.ignoredCircularDependencies = [['*', '*']];
    linter = new ESLint({
      cwd: workspaceRoot,
      overrideConfig: { files: ['**/*.{ts,tsx}'], rules: { [RULE]: ['error', real] } },
    });
  }
  const started = performance.now();
  const [result] = await linter.lintText(code, {
    filePath: join(workspaceRoot, filePath),
    warnIgnored: true,
  });
  lintMs.push(performance.now() - started);
  const messages = result?.messages ?? [];
  expect(result, `no lint result for ${filePath}`).toBeDefined();
  expect(messages.filter((m) => m.fatal).map((m) => m.message)).toEqual([]);
  return {
    all: messages,
    boundary: messages.filter((m) => m.ruleId === RULE).map((m) => m.message),
  };
}

describe('project graph and config', () => {
  it('the Nx graph has every project with the tags the constraints are written for', () => {
    const byRoot = Object.values(graph.nodes).map((node) => ({
      name: node.name,
      root: node.data.root,
      tags: (node.data.tags ?? []).filter((t) => /^(scope|type|platform):/.test(t)).sort(),
    }));
    for (const [name, tags] of Object.entries(EXPECTED_TAGS)) {
      const node = byRoot.find((n) => n.name === name);
      expect(node, `project ${name} missing from the Nx graph`).toBeDefined();
      expect(node?.tags, `tags of ${name}`).toEqual([...tags].sort());
    }
  });

  it('module boundaries are an error with enforceBuildableLibDependency and no allow-list', async () => {
    for (const file of Object.values(probe)) {
      const options = await boundaryOptionsFor(file);
      expect(options.enforceBuildableLibDependency).toBe(true);
      expect(options.allow).toEqual([]);
    }
  });

  // A tag value with no constraint silently allows everything on its axis, so new tags must be added to
  // eslint.config.mjs. Checked for production files and for spec files (they get a relaxed list).
  it.each([probe.partners, probe.contractsSpec])(
    'every scope/type/platform tag has a constraint (%s)',
    async (file) => {
      const options = await boundaryOptionsFor(file);
      const constrained = new Set(options.depConstraints.flatMap((c) => (c.sourceTag ? [c.sourceTag] : [])));
      const used = new Set(
        Object.values(graph.nodes).flatMap((node) =>
          (node.data.tags ?? []).filter((t) => /^(scope|type|platform):/.test(t)),
        ),
      );
      expect([...used].filter((tag) => !constrained.has(tag)).sort()).toEqual([]);
    },
  );
});

describe('forbidden imports fail the lint', () => {
  describe('type:contracts / type:data import nothing external but zod', () => {
    it.each([
      '@nestjs/common',
      '@nestjs/microservices',
      'typeorm',
      'pg',
      'nats',
      'mqtt',
      'aedes',
      'fastify',
      '@electric-sql/pglite',
      'react',
      'rxjs',
      'uuid',
    ])('libs/contracts → %s', async (specifier) => {
      const { boundary } = await lint(probe.contracts, importFrom(specifier));
      expect(boundary).toEqual([
        `A project tagged with "type:contracts" is not allowed to import "${specifier}"`,
      ]);
    });

    it.each(['@nestjs/common', 'typeorm', 'react', 'i18n-iso-countries'])(
      'libs/reference-data → %s',
      async (specifier) => {
        const { boundary } = await lint(probe.referenceData, importFrom(specifier));
        expect(boundary).toEqual([
          `A project tagged with "type:data" is not allowed to import "${specifier}"`,
        ]);
      },
    );

    it('libs/contracts → node:fs (built-ins are not graph nodes; no-restricted-imports catches them)', async () => {
      const { all, boundary } = await lint(probe.contracts, importFrom('node:fs'));
      expect(boundary).toEqual([]);
      expect(all.map((m) => m.ruleId)).toContain('no-restricted-imports');
    });
  });

  describe('libs/contracts may not depend on node-side libs', () => {
    it('libs/contracts → @pardev/messaging is an error (today reported as a cycle)', async () => {
      const { boundary } = await lint(probe.contracts, importFrom('@pardev/messaging'));
      expect(boundary).toHaveLength(1);
    });

    it('libs/contracts → @pardev/messaging breaks the type constraint even when the cycle is ignored', async () => {
      const { boundary } = await lint(probe.contracts, importFrom('@pardev/messaging'), {
        ignoreCycles: true,
      });
      expect(boundary).toEqual([
        'A project tagged with "type:contracts" can only depend on libs tagged with "type:contracts", "type:data"',
      ]);
    });

    it('libs/contracts → @pardev/persistence breaks the type constraint', async () => {
      const { boundary } = await lint(probe.contracts, importFrom('@pardev/persistence'), {
        ignoreCycles: true,
      });
      expect(boundary).toEqual([
        'A project tagged with "type:contracts" can only depend on libs tagged with "type:contracts", "type:data"',
      ]);
    });

    it('libs/reference-data → @pardev/contracts breaks the type constraint', async () => {
      const { boundary } = await lint(probe.referenceData, importFrom('@pardev/contracts'), {
        ignoreCycles: true,
      });
      expect(boundary).toEqual([
        'A project tagged with "type:data" can only depend on libs tagged with "type:data"',
      ]);
    });

    it('libs/persistence → @pardev/testing breaks the type constraint (production code)', async () => {
      const { boundary } = await lint(probe.persistence, importFrom('@pardev/testing'), {
        ignoreCycles: true,
      });
      expect(boundary).toEqual([
        'A project tagged with "type:persistence" can only depend on libs tagged with "type:persistence", "type:contracts", "type:data"',
      ]);
    });
  });

  describe('apps/admin (platform:browser) never reaches node code', () => {
    it.each(['@pardev/messaging', '@pardev/persistence', '@pardev/testing'])(
      'apps/admin → %s',
      async (specifier) => {
        const { boundary } = await lint(probe.admin, importFrom(specifier));
        expect(boundary).toEqual([
          'A project tagged with "platform:browser" can only depend on libs tagged with "platform:browser", "platform:any"',
        ]);
      },
    );

    it.each(['@nestjs/common', 'typeorm', 'pg', 'nats', 'mqtt', 'aedes', 'fastify', '@electric-sql/pglite'])(
      'apps/admin → %s',
      async (specifier) => {
        const { boundary } = await lint(probe.admin, importFrom(specifier));
        expect(boundary).toEqual([
          `A project tagged with "platform:browser" is not allowed to import "${specifier}"`,
        ]);
      },
    );

    it('apps/admin → node:crypto and process.env are errors', async () => {
      const { all } = await lint(
        probe.admin,
        `${importFrom('node:crypto')}export const mode = process.env.MODE;\n`,
      );
      expect(all.map((m) => m.ruleId).sort()).toEqual(['no-restricted-globals', 'no-restricted-imports']);
    });
  });

  describe('an app never imports another app', () => {
    it('apps/partners-service → ../../agreements-service/src/main', async () => {
      const { boundary } = await lint(probe.partners, importFrom('../../agreements-service/src/main'));
      expect(boundary).toEqual([
        'Projects cannot be imported by a relative or absolute path, and must begin with a npm scope',
      ]);
    });

    it('apps/partners-service → @pardev/agreements-service/src/main', async () => {
      const { boundary } = await lint(probe.partners, importFrom('@pardev/agreements-service/src/main'));
      expect(boundary).toEqual(['Imports of apps are forbidden']);
    });
  });

  describe('each axis rejects on its own (the other axes removed from the config)', () => {
    it('type axis alone: libs/contracts → @pardev/persistence', async () => {
      const { boundary } = await lint(probe.contracts, importFrom('@pardev/persistence'), {
        onlyAxis: 'type',
        ignoreCycles: true,
      });
      expect(boundary).toEqual([
        'A project tagged with "type:contracts" can only depend on libs tagged with "type:contracts", "type:data"',
      ]);
    });

    it('platform axis alone: libs/contracts → @pardev/persistence', async () => {
      const { boundary } = await lint(probe.contracts, importFrom('@pardev/persistence'), {
        onlyAxis: 'platform',
        ignoreCycles: true,
      });
      expect(boundary).toEqual([
        'A project tagged with "platform:any" can only depend on libs tagged with "platform:any"',
      ]);
    });

    it('platform axis alone: apps/admin → @pardev/messaging', async () => {
      const { boundary } = await lint(probe.admin, importFrom('@pardev/messaging'), { onlyAxis: 'platform' });
      expect(boundary).toEqual([
        'A project tagged with "platform:browser" can only depend on libs tagged with "platform:browser", "platform:any"',
      ]);
    });

    it('platform axis alone: libs/contracts → @nestjs/common', async () => {
      const { boundary } = await lint(probe.contracts, importFrom('@nestjs/common'), {
        onlyAxis: 'platform',
      });
      expect(boundary).toEqual([
        'A project tagged with "platform:any" is not allowed to import "@nestjs/common"',
      ]);
    });
    // The scope axis cannot be shown this way yet: every lib is scope:shared, and the only projects with
    // another scope are apps, whose imports Nx rejects before it looks at tags. The tag-coverage test above
    // keeps the scope constraints in place until a scoped lib exists to probe.
  });
});

describe('allowed imports pass (positive controls)', () => {
  it.each([
    [probe.partners, '@pardev/contracts'],
    [probe.partners, '@pardev/reference-data'],
    [probe.partners, '@pardev/messaging'],
    [probe.partners, '@pardev/persistence'],
    [probe.partners, '@nestjs/common'],
    [probe.admin, '@pardev/contracts'],
    [probe.admin, '@pardev/reference-data'],
    [probe.admin, 'react'],
    [probe.contracts, 'zod'],
    [probe.contracts, '@pardev/reference-data'],
    [probe.referenceData, 'zod'],
    [probe.messaging, '@pardev/contracts'],
    [probe.messaging, '@pardev/persistence'],
    [probe.messaging, '@nestjs/common'],
    [probe.contractsSpec, 'vitest'],
    [probe.contractsSpec, 'node:fs'],
  ])('%s → %s', async (file, specifier) => {
    const { all } = await lint(file, importFrom(specifier));
    expect(all.map((m) => `${m.ruleId}: ${m.message}`)).toEqual([]);
  });
});

describe('eslint-disable directives', () => {
  const body = 'export const value: any = 1;\n';

  it('need a description', async () => {
    const { all } = await lint(
      probe.contracts,
      `// header\n// eslint-disable-next-line @typescript-eslint/no-explicit-any\n${body}`,
    );
    expect(all.map((m) => m.ruleId)).toEqual(['pardev/require-disable-description']);
  });

  it('pass with a description', async () => {
    const { all } = await lint(
      probe.contracts,
      `// header\n// eslint-disable-next-line @typescript-eslint/no-explicit-any -- probe\n${body}`,
    );
    expect(all).toEqual([]);
  });

  it('are reported when unused', async () => {
    const { all } = await lint(
      probe.contracts,
      '// eslint-disable-next-line eqeqeq -- probe\nexport const value = 1;\n',
    );
    expect(all.map((m) => m.message)).toEqual([
      expect.stringMatching(/^Unused eslint-disable directive \(no problems were reported from 'eqeqeq'\)/),
    ]);
  });
});

describe('timing', () => {
  it('prints where the time went', () => {
    const total = lintMs.reduce((a, b) => a + b, 0);
    timings.push(
      `${lintMs.length} lintText calls: ${Math.round(total)} ms total, ` +
        `max ${Math.round(Math.max(...lintMs))} ms, mean ${Math.round(total / lintMs.length)} ms`,
    );
    console.log(`[module-boundaries timing]\n  ${timings.join('\n  ')}`);
    expect(lintMs.length).toBeGreaterThan(0);
  });
});
