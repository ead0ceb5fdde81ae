// Keeps the Nx project graph fresh for `@nx/enforce-module-boundaries`.
//
// The Nx rule never computes the graph itself: it reads the cached
// `.nx/workspace-data/project-graph.json` that the last `nx` command wrote. When that file is missing
// (fresh clone, `rm -rf .nx`) or the cached graph has errors, the rule prints a warning on stdout and is
// SKIPPED, so a bare `npx eslint …` passes with boundary violations in it. When the file is stale
// (a project.json or its tags changed since the last nx command) the rule checks against old tags.
//
// So when ESLint runs outside an Nx task we recompute the graph (about 0.5 s here, no daemon). Inside an
// Nx task (`nx lint <project>`, `nx run-many -t lint`) Nx has just computed and cached the graph and
// exports NX_TASK_TARGET_PROJECT, so this is a no-op. Set NX_LINT_SKIP_GRAPH_REFRESH=true to skip it.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** @returns {Promise<void>} */
export async function ensureProjectGraph() {
  if (process.env.NX_TASK_TARGET_PROJECT || process.env.NX_LINT_SKIP_GRAPH_REFRESH === 'true') return;

  // Never start an Nx daemon from inside ESLint (an editor's ESLint server would keep it alive).
  const daemonSetting = process.env.NX_DAEMON;
  if (daemonSetting === undefined) process.env.NX_DAEMON = 'false';
  try {
    const { createProjectGraphAsync } = require('@nx/devkit');
    await createProjectGraphAsync({ exitOnError: false });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n').slice(0, 6).join('\n') : String(error);
    process.stderr.write(
      `\n[eslint.config.mjs] Could not compute the Nx project graph, so @nx/enforce-module-boundaries ` +
        `may use a stale graph or be skipped entirely:\n${reason}\n` +
        `Fix the project configuration above, or lint through Nx: NX_DAEMON=false npx nx run-many -t lint\n\n`,
    );
  } finally {
    if (daemonSetting === undefined) delete process.env.NX_DAEMON;
  }
}
