import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// Checks docker-compose.yml, the apps' Dockerfiles and .dockerignore.
// - The static part reads the files and always runs.
// - The compose part asks Compose itself (`docker compose config`, which interpolates variables,
//   merges the YAML anchors and validates the file) and is skipped when no Compose is installed:
//   the Docker CLI here has no compose plugin. Compose v1 (`docker-compose`, Debian's package)
//   is used as a fallback, its YAML turned into JSON by the PyYAML it depends on.

const root = fileURLToPath(new URL('../..', import.meta.url));
const read = (path: string): string => readFileSync(join(root, path), 'utf8');

const NODE_APPS = {
  'partners-service': { database: 'partners', healthPort: '3101' },
  'agreements-service': { database: 'agreements', healthPort: '3102' },
  'results-service': { database: 'results', healthPort: '3103' },
  'api-gateway': { database: 'identity', healthPort: undefined },
} as const;
type NodeApp = keyof typeof NODE_APPS;
const nodeApps = Object.keys(NODE_APPS) as NodeApp[];
const ALL_APPS = [...nodeApps, 'admin'] as const;
const PUBLISHING = ['api-gateway', 'admin'];

// Every variable docker-compose.yml requires (`${VAR:?…}`), with test values.
const REQUIRED_ENV: Record<string, string> = {
  POSTGRES_PASSWORD: 'superuser-secret',
  PARTNERS_DB_PASSWORD: 'partners-secret',
  AGREEMENTS_DB_PASSWORD: 'agreements-secret',
  RESULTS_DB_PASSWORD: 'results-secret',
  IDENTITY_DB_PASSWORD: 'identity-secret',
  ADMIN_EMAIL: 'admin@example.org',
  ADMIN_PASSWORD: 'admin-secret',
  ACTOR_SIGNING_KEY: 'test-signing-key',
  ACTOR_VERIFY_KEY: 'test-verify-key',
};

// ---------------------------------------------------------------------------------------------
// Running Compose

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}
const run = (
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; input?: string } = {},
): Run => {
  const result: SpawnSyncReturns<string> = spawnSync(command, args, {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
    env: options.env ?? process.env,
    input: options.input,
  });
  return {
    status: result.error ? null : result.status,
    stdout: result.stdout ?? '',
    stderr: result.stderr ?? '',
  };
};

interface Compose {
  readonly label: string;
  /** `config` as JSON; `project` is the parsed output when the command succeeded. */
  config(env: Record<string, string>, profiles?: string[]): Run & { project?: Project };
}

const scratch = mkdtempSync(join(tmpdir(), 'compose-spec-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
// An empty env file: a developer's `.env` must not leak into the test.
const emptyEnvFile = join(scratch, 'empty.env');
writeFileSync(emptyEnvFile, '');

// Only what a Compose client needs to start, never the caller's PORT, ADMIN_* or COMPOSE_*.
const childEnv = (vars: Record<string, string>): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME ?? scratch };
  for (const name of ['DOCKER_CONFIG', 'DOCKER_HOST', 'DOCKER_CONTEXT']) {
    if (process.env[name]) env[name] = process.env[name];
  }
  return { ...env, ...vars };
};
const commonArgs = (profiles: string[]): string[] => [
  '--env-file',
  emptyEnvFile,
  '--project-directory',
  root,
  '-f',
  join(root, 'docker-compose.yml'),
  ...profiles.flatMap((profile) => ['--profile', profile]),
];

const composeV2: Compose = {
  label: 'docker compose (v2 plugin)',
  config(env, profiles = []) {
    const result = run('docker', ['compose', ...commonArgs(profiles), 'config', '--format', 'json'], {
      env: childEnv(env),
    });
    return result.status === 0 ? { ...result, project: JSON.parse(result.stdout) as Project } : result;
  },
};

const composeV1: Compose = {
  label: 'docker-compose (v1)',
  config(env, profiles = []) {
    const result = run('docker-compose', [...commonArgs(profiles), 'config'], {
      env: childEnv(env),
    });
    if (result.status !== 0) return result;
    const json = run(
      'python3',
      ['-c', 'import json,sys,yaml; json.dump(yaml.safe_load(sys.stdin), sys.stdout)'],
      {
        input: result.stdout,
      },
    );
    if (json.status !== 0) throw new Error(`could not turn docker-compose's YAML into JSON: ${json.stderr}`);
    return { ...result, project: JSON.parse(json.stdout) as Project };
  },
};

const findCompose = (): Compose | undefined => {
  if (run('docker', ['compose', 'version']).status === 0) return composeV2;
  if (
    run('docker-compose', ['version', '--short']).status === 0 &&
    run('python3', ['-c', 'import yaml']).status === 0
  ) {
    return composeV1;
  }
  return undefined;
};
const compose = findCompose();
const dockerInstalled = run('docker', ['--version']).status === 0;
const skipReason = dockerInstalled
  ? 'skipped: the docker CLI has no compose plugin and docker-compose (v1) is not installed'
  : 'skipped: no docker binary on PATH';

// ---------------------------------------------------------------------------------------------
// The parts of `docker compose config` output read here; v1 and v2 spell some differently.

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[] | string;
  depends_on?: Record<string, { condition?: string }>;
  environment?: Record<string, string | null>;
  healthcheck?: { test?: string[] | string; disable?: boolean };
  ports?: Array<string | { target: number | string; published?: number | string }>;
  volumes?: Array<string | { type: string; source?: string; target: string }>;
  networks?: Record<string, unknown> | string[];
  profiles?: string[];
  restart?: string;
  cap_drop?: string[];
  read_only?: boolean;
  security_opt?: string[];
  tmpfs?: string[] | string;
}
interface Project {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
  networks?: Record<string, { internal?: boolean } | null>;
}

const service = (project: Project | undefined, name: string): Service => {
  const found = project?.services[name];
  if (!found) throw new Error(`service ${name} missing from the compose config`);
  return found;
};
const publishedPorts = (svc: Service): Array<{ published: string; target: string }> =>
  (svc.ports ?? []).map((port) => {
    if (typeof port === 'string') {
      const [target, published = '', ...rest] = port.split(':').reverse();
      expect(rest.length, `unexpected port syntax ${port}`).toBeLessThanOrEqual(1);
      return { published, target: target.split('/')[0] };
    }
    return { published: String(port.published ?? ''), target: String(port.target) };
  });
const namedVolumes = (svc: Service): Array<{ source: string; target: string }> =>
  (svc.volumes ?? []).flatMap((volume) => {
    if (typeof volume === 'string') {
      const [source, target] = volume.split(':');
      return /^[\w.-]+$/.test(source) ? [{ source, target }] : [];
    }
    return volume.type === 'volume' && volume.source
      ? [{ source: volume.source, target: volume.target }]
      : [];
  });
const networksOf = (svc: Service): string[] =>
  Array.isArray(svc.networks) ? svc.networks : Object.keys(svc.networks ?? {});
const healthTest = (svc: Service): string[] => {
  const test = svc.healthcheck?.test;
  return typeof test === 'string' ? ['CMD-SHELL', test] : (test ?? []);
};

// ---------------------------------------------------------------------------------------------

describe.skipIf(!compose)(`docker compose config [${compose?.label ?? skipReason}]`, () => {
  const config = compose?.config(REQUIRED_ENV);
  const project = config?.project;

  it('accepts the file when every required variable is set', () => {
    expect(config?.stderr).not.toMatch(/error/i);
    expect(config?.status).toBe(0);
    expect(Object.keys(project?.services ?? {}).sort()).toEqual(
      expect.arrayContaining(['postgres', 'nats', ...nodeApps].sort()),
    );
  });

  it.each(nodeApps)(
    '%s is built from its Dockerfile, health-checked, and waits for a healthy postgres and nats',
    (name) => {
      const svc = service(project, name);
      expect(svc.build?.dockerfile).toBe(`apps/${name}/Dockerfile`);
      expect(svc.healthcheck?.disable).not.toBe(true);
      expect(healthTest(svc)).toEqual(['CMD', 'node', '/app/healthcheck.mjs']);
      expect(svc.depends_on?.postgres?.condition).toBe('service_healthy');
      expect(svc.depends_on?.nats?.condition).toBe('service_healthy');
      expect(svc.environment?.BUS_URL).toBe('nats://nats:4222');
      expect(svc.environment?.NODE_ENV).toBe('production');
      expect(svc.environment?.HOST).toBe('0.0.0.0');
      expect(svc.environment?.LOG_LEVEL).toBe('log');
    },
  );

  it('the gateway waits for every service to be healthy', () => {
    const gateway = service(project, 'api-gateway');
    for (const name of nodeApps.filter((app) => app !== 'api-gateway')) {
      expect(gateway.depends_on?.[name]?.condition, name).toBe('service_healthy');
    }
    expect(gateway.environment).toMatchObject({
      PORT: '3000',
      ADMIN_EMAIL: REQUIRED_ENV.ADMIN_EMAIL,
      ADMIN_PASSWORD: REQUIRED_ENV.ADMIN_PASSWORD,
      ADMIN_STATIC_DIR: '/app/admin',
    });
  });

  it('each service checks its health on the port its image declares', () => {
    for (const name of nodeApps) {
      const { healthPort } = NODE_APPS[name];
      const env = service(project, name).environment ?? {};
      const dockerfile = read(`apps/${name}/Dockerfile`);
      if (healthPort) {
        expect(env.HEALTH_PORT, name).toBe(healthPort);
        expect(dockerfile, name).toMatch(new RegExp(`^ENV .*HEALTH_PORT=${healthPort}\\b`, 'm'));
        expect(dockerfile, name).toMatch(new RegExp(`^EXPOSE ${healthPort}$`, 'm'));
      } else {
        expect(dockerfile, name).toMatch(/^ENV .*PORT=3000\b/m);
        expect(dockerfile, name).toMatch(/^EXPOSE 3000$/m);
      }
    }
  });

  it('postgres and nats keep their data in named volumes and have health checks', () => {
    const postgres = service(project, 'postgres');
    const nats = service(project, 'nats');
    expect(namedVolumes(postgres)).toContainEqual({
      source: 'pgdata',
      target: '/var/lib/postgresql/data',
    });
    expect(namedVolumes(nats)).toContainEqual({ source: 'natsdata', target: '/data' });
    expect(Object.keys(project?.volumes ?? {})).toEqual(expect.arrayContaining(['pgdata', 'natsdata']));
    expect(postgres.image).toBe('postgres:15-alpine');
    expect(nats.image).toBe('nats:2.10-alpine');
    expect(healthTest(postgres)).toContain('pg_isready');
    expect(healthTest(nats).join(' ')).toContain('http://127.0.0.1:8222/healthz?js-enabled-only=true');
    const natsCommand = Array.isArray(nats.command) ? nats.command : String(nats.command).split(/\s+/);
    expect(natsCommand).toEqual(expect.arrayContaining(['-js', '-sd', '/data', '-m', '8222']));
    expect(
      (postgres.volumes ?? []).some((volume) =>
        (typeof volume === 'string' ? volume : `${volume.source}:${volume.target}`).includes(
          'tools/docker/postgres/init-databases.sh:/docker-entrypoint-initdb.d/',
        ),
      ),
    ).toBe(true);
  });

  it('each service connects to its own database as its own role, and postgres creates exactly those', () => {
    const postgresEnv = service(project, 'postgres').environment ?? {};
    const created = String(postgresEnv.PARDEV_DATABASES).split(/\s+/).filter(Boolean);
    const used: string[] = [];
    for (const name of nodeApps) {
      const { database } = NODE_APPS[name];
      const url = new URL(String(service(project, name).environment?.DATABASE_URL));
      expect(url.protocol, name).toBe('postgres:');
      expect(url.hostname, name).toBe('postgres');
      expect(url.pathname, name).toBe(`/${database}`);
      expect(url.username, name).toBe(database);
      const passwordVar = `${database.toUpperCase()}_DB_PASSWORD`;
      expect(decodeURIComponent(url.password), name).toBe(REQUIRED_ENV[passwordVar]);
      // The role's password given to postgres' init script is the one the service uses.
      expect(postgresEnv[passwordVar], name).toBe(REQUIRED_ENV[passwordVar]);
      used.push(database);
    }
    expect(new Set(used).size).toBe(used.length);
    expect(created.sort()).toEqual(used.sort());
  });

  it('publishes no port but the gateway (and the optional static admin)', () => {
    for (const [name, svc] of Object.entries(project?.services ?? {})) {
      if (!PUBLISHING.includes(name)) expect(svc.ports ?? [], name).toEqual([]);
    }
    expect(publishedPorts(service(project, 'api-gateway'))).toEqual([{ published: '3000', target: '3000' }]);
    const moved = compose?.config({ ...REQUIRED_ENV, PORT: '8443' }).project;
    expect(publishedPorts(service(moved, 'api-gateway'))).toEqual([{ published: '8443', target: '3000' }]);
  });

  it('keeps postgres, nats and the services on an internal network', () => {
    expect(project?.networks?.backend?.internal).toBe(true);
    for (const name of ['postgres', 'nats', 'partners-service', 'agreements-service', 'results-service']) {
      expect(networksOf(service(project, name)), name).toEqual(['backend']);
    }
    expect(networksOf(service(project, 'api-gateway')).sort()).toEqual(['backend', 'edge']);
  });

  it('hardens every container', () => {
    for (const [name, svc] of Object.entries(project?.services ?? {})) {
      expect(svc.restart, name).toBe('unless-stopped');
      expect(svc.cap_drop, name).toEqual(['ALL']);
      expect(svc.security_opt, name).toContain('no-new-privileges:true');
      expect(svc.read_only, name).toBe(true);
      expect([svc.tmpfs ?? []].flat(), name).toContain('/tmp');
    }
  });

  it('runs the static admin only with the static-admin profile', () => {
    const admin = project?.services.admin;
    if (admin) expect(admin.profiles).toEqual(['static-admin']); // Compose v1 lists it anyway
    const withAdmin = compose?.config(REQUIRED_ENV, ['static-admin']);
    expect(withAdmin?.status).toBe(0);
    const svc = service(withAdmin?.project, 'admin');
    expect(svc.build?.dockerfile).toBe('apps/admin/Dockerfile');
    expect(svc.depends_on?.['api-gateway']?.condition).toBe('service_healthy');
    expect(healthTest(svc).length).toBeGreaterThan(1);
    expect(publishedPorts(svc)).toEqual([{ published: '8080', target: '8080' }]);
  });

  it.each(Object.keys(REQUIRED_ENV))('refuses to run without %s, naming it', (name) => {
    const env = { ...REQUIRED_ENV };
    delete env[name];
    const result = compose?.config(env);
    expect(result?.status).not.toBe(0);
    expect(result?.stderr).toContain(name);
  });
});

describe('Dockerfiles', () => {
  const dockerfile = (app: string): string => read(`apps/${app}/Dockerfile`);
  // Stage name → its text (from its FROM line to the next FROM).
  const stages = (text: string): Map<string, string> => {
    const result = new Map<string, string>();
    const parts = text.split(/^(?=FROM )/m).slice(1);
    for (const part of parts) {
      const name = /^FROM \S+ AS (\S+)/.exec(part)?.[1];
      if (!name) throw new Error(`unnamed stage: ${part.split('\n')[0]}`);
      result.set(name, part.trim());
    }
    return result;
  };

  it.each(ALL_APPS)(
    'apps/%s/Dockerfile is a multi-stage build that runs unprivileged with a health check',
    (app) => {
      const text = dockerfile(app);
      const named = stages(text);
      expect(text.split('\n')[0]).toMatch(/^# syntax=docker\/dockerfile:1\.\d+$/);
      expect([...named.keys()]).toEqual(
        app === 'admin'
          ? ['base', 'deps', 'build', 'runtime']
          : ['base', 'deps', 'prod-deps', 'build', 'runtime'],
      );
      expect(named.get('deps')).toMatch(/RUN --mount=type=cache,target=\/root\/\.npm npm ci/);
      expect(named.get('build')).toContain(`npx nx run ${app}:build`);
      const runtime = named.get('runtime') ?? '';
      expect(runtime).toMatch(/^HEALTHCHECK /m);
      expect(runtime).toMatch(/^EXPOSE \d+$/m);
      if (app === 'admin') {
        expect(runtime).toMatch(/^FROM nginx:1\.27-alpine AS runtime/);
        expect(runtime).toMatch(/^USER nginx$/m);
      } else {
        expect(text).toMatch(/^ARG NODE_IMAGE=node:20-slim$/m);
        expect(runtime).toMatch(/^FROM \$\{NODE_IMAGE\} AS runtime/);
        expect(runtime).toMatch(/^ENV NODE_ENV=production\b/m);
        expect(runtime).toMatch(/^USER node$/m);
        expect(runtime).toMatch(/^CMD \["node", "--enable-source-maps", "main\.js"\]$/m);
        // The apps bind 127.0.0.1 by default: unreachable from outside the container.
        expect(runtime).toMatch(/^ENV .*\bHOST=0\.0\.0\.0\b/m);
        expect(runtime).toContain(`COPY --from=build /workspace/dist/apps/${app}/ ./`);
        expect(runtime).toContain('COPY --from=prod-deps /workspace/node_modules ./node_modules');
        expect(named.get('prod-deps')).toContain('npm ci --omit=dev');
      }
    },
  );

  it('share byte-identical dependency stages, so BuildKit installs once for every image', () => {
    for (const stage of ['base', 'deps', 'prod-deps']) {
      const apps = stage === 'prod-deps' ? nodeApps : ALL_APPS;
      const texts = new Set(apps.map((app) => stages(dockerfile(app)).get(stage)));
      expect(texts.size, `stage ${stage} differs between Dockerfiles`).toBe(1);
    }
  });

  it('the gateway image carries the built admin where ADMIN_STATIC_DIR points', () => {
    const text = dockerfile('api-gateway');
    expect(text).toContain('npx nx run admin:build');
    expect(text).toContain('COPY --from=build /workspace/dist/apps/admin/ ./admin/');
    expect(text).toMatch(/^ENV .*ADMIN_STATIC_DIR=\/app\/admin\b/m);
  });
});

describe('support files', () => {
  it('.dockerignore keeps build output, dependencies, history and secrets out of the context', () => {
    const entries = read('.dockerignore')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'));
    expect(entries).toEqual(
      expect.arrayContaining([
        '**/node_modules',
        'dist',
        '.data',
        '**/.nx',
        '.git',
        '**/coverage',
        'tests',
        'tmp',
        'tools/bench/reports',
        '.env',
      ]),
    );
    // What the images copy must stay in the context.
    for (const needed of ['tools', 'apps', 'libs', 'package.json', 'package-lock.json']) {
      expect(entries, needed).not.toContain(needed);
    }
  });

  it('env.example and this test know every variable docker-compose.yml reads', () => {
    const composeFile = read('docker-compose.yml').replace(/^\s*#.*$/gm, '');
    const required = new Set([...composeFile.matchAll(/\$\{(\w+):\?/g)].map((match) => match[1]));
    const optional = new Set([...composeFile.matchAll(/\$\{(\w+):-/g)].map((match) => match[1]));
    expect([...required].sort()).toEqual(Object.keys(REQUIRED_ENV).sort());
    const example = read('tools/docker/env.example');
    for (const name of required) expect(example, name).toMatch(new RegExp(`^${name}=$`, 'm'));
    for (const name of optional) expect(example, name).toMatch(new RegExp(`^# ${name}=`, 'm'));
  });

  it('the postgres init script is executable and reads the variables compose passes it', () => {
    const path = join(root, 'tools/docker/postgres/init-databases.sh');
    expect(() => accessSync(path, constants.X_OK)).not.toThrow();
    const script = readFileSync(path, 'utf8');
    expect(script).toContain('PARDEV_DATABASES');
    expect(script).toContain('_DB_PASSWORD');
    expect(read('docker-compose.yml')).toContain('PARDEV_DATABASES: partners agreements results identity');
  });

  it('nginx serves the SPA with a fallback and proxies /api and /health to the gateway', () => {
    const conf = read('tools/docker/nginx/nginx.conf');
    expect(conf).toContain('server api-gateway:3000;');
    expect(conf).toMatch(/location \/api\/ \{[^}]*proxy_pass http:\/\/api_gateway;/);
    expect(conf).toMatch(/location = \/health \{[^}]*proxy_pass http:\/\/api_gateway;/);
    expect(conf).toMatch(/try_files \$uri \$uri\/ \/index\.html;/);
    expect(conf).toMatch(/listen 8080;/);
    expect(existsSync(join(root, 'tools/docker/healthcheck.mjs'))).toBe(true);
  });
});
