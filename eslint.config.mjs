// Root ESLint flat config for the whole workspace (ESLint 9, typescript-eslint 8, @nx/eslint-plugin).
//
// Module boundaries are enforced on THREE tag axes, all declared in each project's project.json:
//   type:*      what a project is (app, tool, contracts, data, persistence, messaging, testing)
//   scope:*     which bounded context owns it (gateway, partners, agreements, results, admin, tools, shared)
//   platform:*  where it runs (node, browser, any)
// A project must satisfy every constraint whose sourceTag it carries, so an import is allowed only if it
// is allowed on all three axes. The proof lives in tools/lint/module-boundaries.spec.ts.
//
// Notes for whoever edits this file:
// - @nx/enforce-module-boundaries reads the cached Nx project graph; tools/lint/ensure-project-graph.mjs
//   refreshes it when ESLint runs outside Nx (see the comment there).
// - Node built-ins (`node:fs`, `fs`, …) are not graph nodes, so `bannedExternalImports` cannot ban them;
//   `no-restricted-imports` does that below for platform:any / platform:browser projects.
// - A new tag value (e.g. `scope:billing`, `type:ui`) needs a depConstraint here; the spec fails until
//   it has one, because a tag without a constraint would silently allow everything on its axis.
// - `flat/react` from @nx/eslint-plugin needs eslint-plugin-react, -react-hooks, -jsx-a11y and -import,
//   which are not installed, so apps/admin gets the plain TypeScript config (TSX parses fine).
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier/flat';
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureProjectGraph } from './tools/lint/ensure-project-graph.mjs';

await ensureProjectGraph();

const WORKSPACE_ROOT = fileURLToPath(new URL('.', import.meta.url));

const CODE_FILES = ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'];
// Build/tool configuration next to a project's sources runs in Node, whatever the project's platform tag.
const TOOL_CONFIG_FILES = ['**/*.config.{ts,mts,cts,js,mjs,cjs}', '**/vite.config.*', '**/vitest.config.*'];
const TEST_FILES = [
  '**/*.spec.{ts,tsx,mts,js,mjs}',
  '**/*.test.{ts,tsx,mts,js,mjs}',
  '**/test-setup.{ts,tsx}',
  '**/__tests__/**',
];

// ---------------------------------------------------------------------------------------------------
// External packages
// ---------------------------------------------------------------------------------------------------

// Server-side runtime: never in browser code or in code that must run anywhere.
const SERVER_ONLY_PACKAGES = [
  '@nestjs/*',
  'reflect-metadata',
  'typeorm',
  'typeorm/*',
  'pg',
  'pg/*',
  'pg-*',
  '@electric-sql/*',
  'nats',
  'nats/*',
  'mqtt',
  'mqtt/*',
  'aedes',
  'aedes/*',
  'fastify',
  'fastify/*',
  '@fastify/*',
  '@node-rs/*',
];
// UI runtime: never in contracts or reference data.
const UI_PACKAGES = [
  'react',
  'react/*',
  'react-dom',
  'react-dom/*',
  'react-router',
  'react-router/*',
  'react-i18next',
  'i18next',
  '@mantine/*',
  '@tanstack/*',
];
// type:contracts and type:data are pure, portable schema/data code: zod, and the two libraries money
// needs (exact decimals, ISO 4217 currencies), which run unchanged in Node and the browser.
const PURE_ALLOWED = ['zod', 'zod/*', 'big.js', 'dinero.js', 'dinero.js/*'];
const PURE_BANNED = [...SERVER_ONLY_PACKAGES, ...UI_PACKAGES, 'rxjs', 'rxjs/*', 'uuid'];

// ---------------------------------------------------------------------------------------------------
// Dependency constraints
// ---------------------------------------------------------------------------------------------------

const LIB_TYPES = ['type:contracts', 'type:data', 'type:persistence', 'type:messaging', 'type:testing'];
const SERVICE_SCOPES = ['scope:gateway', 'scope:partners', 'scope:agreements', 'scope:results'];

/**
 * @param {{ tests: boolean }} options `tests: true` relaxes the rules for spec files only: any project's
 *   tests may use the type:testing lib and node-only helpers, and pure libs may import vitest.
 */
function depConstraints({ tests }) {
  const withTesting = (tags) => (tests ? [...tags, 'type:testing'] : tags);
  const pureAllowed = tests ? [...PURE_ALLOWED, 'vitest', 'vitest/*', 'fast-check'] : PURE_ALLOWED;
  return [
    // --- type axis: the layering ----------------------------------------------------------------
    // Apps may use every kind of lib, never another app (Nx reports direct app imports on its own,
    // the explicit ban also catches a path to an app through a lib).
    { sourceTag: 'type:app', onlyDependOnLibsWithTags: LIB_TYPES, notDependOnLibsWithTags: ['type:app'] },
    {
      sourceTag: 'type:contracts',
      onlyDependOnLibsWithTags: withTesting(['type:contracts', 'type:data']),
      allowedExternalImports: pureAllowed,
      bannedExternalImports: PURE_BANNED,
    },
    {
      sourceTag: 'type:data',
      onlyDependOnLibsWithTags: withTesting(['type:data']),
      allowedExternalImports: pureAllowed,
      bannedExternalImports: PURE_BANNED,
    },
    {
      sourceTag: 'type:persistence',
      onlyDependOnLibsWithTags: withTesting(['type:persistence', 'type:contracts', 'type:data']),
    },
    {
      sourceTag: 'type:messaging',
      onlyDependOnLibsWithTags: withTesting([
        'type:messaging',
        'type:persistence',
        'type:contracts',
        'type:data',
      ]),
    },
    { sourceTag: 'type:testing', onlyDependOnLibsWithTags: LIB_TYPES, notDependOnLibsWithTags: ['type:app'] },
    // Dev tooling projects (tools/launcher) are like apps: any lib, never an app, and nothing depends on them.
    {
      sourceTag: 'type:tool',
      onlyDependOnLibsWithTags: LIB_TYPES,
      notDependOnLibsWithTags: ['type:app', 'type:tool'],
    },

    // --- scope axis: bounded contexts -------------------------------------------------------------
    { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
    { sourceTag: 'scope:admin', onlyDependOnLibsWithTags: ['scope:admin', 'scope:shared'] },
    { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['scope:tools', 'scope:shared'] },
    ...SERVICE_SCOPES.map((scope) => ({
      sourceTag: scope,
      onlyDependOnLibsWithTags: [scope, 'scope:shared'],
    })),

    // --- platform axis: where the code runs -------------------------------------------------------
    {
      sourceTag: 'platform:browser',
      onlyDependOnLibsWithTags: ['platform:browser', 'platform:any'],
      bannedExternalImports: SERVER_ONLY_PACKAGES,
    },
    {
      sourceTag: 'platform:any',
      onlyDependOnLibsWithTags: tests ? ['platform:any', 'platform:node'] : ['platform:any'],
      bannedExternalImports: SERVER_ONLY_PACKAGES,
    },
    { sourceTag: 'platform:node', onlyDependOnLibsWithTags: ['platform:node', 'platform:any'] },
  ];
}

const moduleBoundaries = (tests) => [
  'error',
  {
    enforceBuildableLibDependency: true,
    allow: [],
    depConstraints: depConstraints({ tests }),
    // The Nx graph does not tell spec files from production files, so a lib whose specs use the shared
    // testing lib (messaging.int.spec.ts → @pardev/testing) while the testing lib builds on that lib
    // (testing → @pardev/messaging) is a "cycle" on both sides. Only type:testing may close such a loop;
    // production code cannot depend on it anyway (only apps and type:testing may, and apps are leaves).
    ignoredCircularDependencies: [['tag:type:testing', '*']],
  },
];

// ---------------------------------------------------------------------------------------------------
// Platform purity that the Nx rule cannot express (built-ins and Node globals)
// ---------------------------------------------------------------------------------------------------

/** Roots of projects whose project.json carries one of `tags`; `fallback` covers projects not yet tagged. */
function projectRootsTagged(tags, fallback) {
  const roots = new Set(fallback);
  for (const dir of ['apps', 'libs', 'tools']) {
    let names = [];
    try {
      names = readdirSync(join(WORKSPACE_ROOT, dir));
    } catch {
      continue;
    }
    for (const name of names) {
      try {
        const project = JSON.parse(readFileSync(join(WORKSPACE_ROOT, dir, name, 'project.json'), 'utf8'));
        if ((project.tags ?? []).some((tag) => tags.includes(tag))) roots.add(`${dir}/${name}`);
      } catch {
        // no project.json (or one being edited right now): nothing to add
      }
    }
  }
  return [...roots].sort();
}

// apps/admin is listed explicitly until its project.json (scope:admin type:app platform:browser) exists.
const PORTABLE_ROOTS = projectRootsTagged(['platform:any', 'platform:browser'], ['apps/admin']);
const NODE_BUILTIN_MESSAGE =
  'Node built-ins are not available here: this project is tagged platform:any/platform:browser.';
const NODE_GLOBAL_MESSAGE =
  'Node globals are not available here: this project is tagged platform:any/platform:browser.';

// ---------------------------------------------------------------------------------------------------
// Local rule: every eslint-disable directive must say why (`// eslint-disable-next-line rule -- reason`)
// ---------------------------------------------------------------------------------------------------

/** @type {import('eslint').Rule.RuleModule} */
const requireDisableDescription = {
  meta: {
    type: 'suggestion',
    docs: { description: 'Require a `-- reason` on every eslint-disable directive' },
    schema: [],
    messages: { missing: '`{{directive}}` needs a reason: append ` -- <why this is safe>`.' },
  },
  create(context) {
    const { sourceCode } = context;
    return {
      Program() {
        for (const comment of sourceCode.getAllComments()) {
          const match = /^\s*(eslint-disable(?:-next-line|-line)?)(?=\s|$)/.exec(comment.value);
          if (!match || /\s-{2,}\s*\S/.test(comment.value)) continue;
          // A rule-less directive would also silence this report if it were placed on the directive
          // itself, so report just before the comment whenever there is room (not possible at 1:0).
          const { line, column } = comment.loc.start;
          let loc = comment.loc;
          if (column > 0 && match[1] !== 'eslint-disable-line') {
            loc = { line, column: column - 1 };
          } else if (line > 1) {
            loc = { line: line - 1, column: sourceCode.lines[line - 2].length };
          }
          context.report({ loc, messageId: 'missing', data: { directive: match[1] } });
        }
      },
    };
  },
};

// ---------------------------------------------------------------------------------------------------

export default [
  {
    name: 'pardev/ignores',
    ignores: [
      '**/dist/',
      '**/node_modules/',
      '**/.nx/',
      '**/.data/',
      '**/coverage/',
      '**/tmp/',
      '**/test-results/',
      '**/vite.config.*.timestamp*',
      '**/vitest.config.*.timestamp*',
    ],
  },
  ...nx.configs['flat/base'],
  // Both extend @eslint/js recommended + typescript-eslint recommended (non type-aware) and set the
  // typescript-eslint parser; flat/typescript covers .ts/.tsx/.mts/.cts, flat/javascript .js/.jsx/.mjs/.cjs.
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    name: 'pardev/linter-options',
    linterOptions: {
      reportUnusedDisableDirectives: 'error',
      reportUnusedInlineConfigs: 'error',
    },
  },
  {
    name: 'pardev/rules',
    files: CODE_FILES,
    plugins: { pardev: { rules: { 'require-disable-description': requireDisableDescription } } },
    rules: {
      '@nx/enforce-module-boundaries': moduleBoundaries(false),
      'pardev/require-disable-description': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          args: 'after-used',
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      eqeqeq: ['error', 'smart'],
      'no-restricted-syntax': [
        'error',
        { selector: 'WithStatement', message: '`with` is not allowed.' },
        {
          selector: "CallExpression[callee.object.name='describe'][callee.property.name='only']",
          message: 'Remove `.only` before committing.',
        },
        {
          selector: "CallExpression[callee.object.name='it'][callee.property.name='only']",
          message: 'Remove `.only` before committing.',
        },
        {
          selector: "CallExpression[callee.object.name='test'][callee.property.name='only']",
          message: 'Remove `.only` before committing.',
        },
      ],
    },
  },
  {
    name: 'pardev/test-files',
    files: TEST_FILES,
    rules: {
      '@nx/enforce-module-boundaries': moduleBoundaries(true),
    },
  },
  {
    name: 'pardev/portable-code',
    files: PORTABLE_ROOTS.flatMap((root) => CODE_FILES.map((glob) => `${root}/${glob}`)),
    ignores: [...TEST_FILES, ...TOOL_CONFIG_FILES],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: builtinModules
            .filter((name) => !name.startsWith('_'))
            .map((name) => ({ name, message: NODE_BUILTIN_MESSAGE })),
          patterns: [{ regex: '^node:', message: NODE_BUILTIN_MESSAGE }],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', '__dirname', '__filename', 'require', 'module', 'global'].map((name) => ({
          name,
          message: NODE_GLOBAL_MESSAGE,
        })),
      ],
    },
  },
  // Last, so formatting is Prettier's job only.
  prettier,
];
