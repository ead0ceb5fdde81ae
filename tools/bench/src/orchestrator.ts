import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem, release, platform } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { measureAdminBundle } from './admin-bundle';
import { spawnRole, type RoleChild } from './children';
import { runLoad, type LoadOptions, type LoadResult } from './http-load';
import { concurrentRun, connectRequesters, sequentialLatencies, type BusClients } from './messaging';
import {
  evaluate,
  renderConsole,
  renderMarkdown,
  type BenchResults,
  type BusRound,
  type HttpRound,
} from './report';
import { runAgreementsBench, type AgreementsBenchResult } from './agreements';
import { runImportBench, type ImportBenchResult } from './import';
import { runSearchBench, type SearchBenchResult } from './search';
import { summarize } from './stats';
import { createTestDatabase } from '@pardev/testing';
import {
  apps,
  memoryOfApps,
  prepareSession,
  natsReachable,
  startPrivateNats,
  startTimed,
  type AppName,
  type StartedSystem,
} from './system-under-bench';

export interface BenchConfig {
  readonly rounds: number;
  readonly httpSeconds: number;
  readonly warmupSeconds: number;
  readonly connections: number;
  readonly sequentialCount: number;
  readonly sequentialWarmup: number;
  readonly inFlight: number;
  readonly concurrentMs: number;
  readonly mqtt: boolean;
  /** Also load GET /api/v1/meta and GET /api/v1/auth/me, to split the gateway's cost (information only). */
  readonly diagnostics: boolean;
  readonly diagnosticSeconds: number;
  readonly systemBus: 'embedded' | 'nats';
  readonly natsUrl: string;
  /** PostgreSQL server for the apps (a fresh database each, dropped afterwards) instead of PGlite. */
  readonly postgresUrl: string | undefined;
  readonly idleMs: number;
  /** Partner search scenario (only with postgresUrl): partners in the database, queries each way. */
  readonly searchPartners: number;
  readonly searchQueries: number;
  /** Agreements list scenario (only with postgresUrl): agreements in the database, queries each way. */
  readonly listAgreements: number;
  readonly listQueries: number;
  /** Import dry run scenario: rows in the CSV, and how many files. */
  readonly importRows: number;
  readonly importRuns: number;
}

const numberArg = (argv: string[], name: string, fallback: number): number => {
  const raw = argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
};
const stringArg = (argv: string[], name: string): string | undefined =>
  argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

export const parseConfig = (argv: string[]): BenchConfig => {
  const quick = argv.includes('--quick');
  const systemBus = stringArg(argv, 'system-bus') ?? 'embedded';
  if (systemBus !== 'embedded' && systemBus !== 'nats')
    throw new Error('--system-bus must be embedded or nats');
  return {
    rounds: numberArg(argv, 'rounds', quick ? 1 : 3),
    httpSeconds: numberArg(argv, 'duration', quick ? 3 : 8),
    warmupSeconds: quick ? 1 : 3,
    connections: numberArg(argv, 'connections', 64),
    sequentialCount: numberArg(argv, 'requests', quick ? 500 : 2_000),
    sequentialWarmup: quick ? 100 : 500,
    inFlight: numberArg(argv, 'in-flight', 64),
    concurrentMs: numberArg(argv, 'bus-duration', quick ? 1 : 3) * 1000,
    mqtt: !argv.includes('--no-mqtt'),
    diagnostics: !argv.includes('--no-diagnostics'),
    diagnosticSeconds: Math.max(2, Math.ceil(numberArg(argv, 'duration', quick ? 3 : 8) / 2)),
    systemBus,
    natsUrl: stringArg(argv, 'nats-url') ?? process.env.BENCH_NATS_URL ?? 'nats://127.0.0.1:4222',
    postgresUrl: stringArg(argv, 'postgres-url'),
    idleMs: quick ? 1_000 : 5_000,
    searchPartners: numberArg(argv, 'search-partners', 10_000),
    searchQueries: numberArg(argv, 'search-queries', quick ? 100 : 400),
    listAgreements: numberArg(argv, 'list-agreements', 100_000),
    listQueries: numberArg(argv, 'list-queries', quick ? 100 : 400),
    importRows: numberArg(argv, 'import-rows', 10_000),
    importRuns: numberArg(argv, 'import-runs', quick ? 2 : 3),
  };
};

/** Everything the bench started, stopped in reverse order exactly once, whatever happens. */
class Cleanup {
  private readonly steps: { what: string; run: () => Promise<void> }[] = [];
  private running: Promise<void> | undefined;

  add(what: string, run: () => Promise<void>): void {
    this.steps.push({ what, run });
  }

  run(): Promise<void> {
    this.running ??= (async () => {
      for (const step of this.steps.reverse()) {
        try {
          await step.run();
        } catch (error) {
          console.error(`bench: cleanup "${step.what}" failed: ${(error as Error).message}`);
        }
      }
    })();
    return this.running;
  }
}

/** Reports are committed: format them the way `npm run format:check` expects (Prettier aligns tables). */
const formatMarkdown = async (file: string, markdown: string): Promise<string> => {
  try {
    const prettier = await import('prettier');
    const options = (await prettier.resolveConfig(file)) ?? {};
    return await prettier.format(markdown, { ...options, filepath: file });
  } catch (error) {
    console.warn(
      `bench: prettier could not format the report (${(error as Error).message}); writing it as is`,
    );
    return markdown;
  }
};

const SEQUENTIAL_BLOCK = 100;

const log = (message: string): void =>
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const fmtLoad = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

export const runBench = async (argv: string[]): Promise<number> => {
  const config = parseConfig(argv);
  const root = resolve(__dirname, '../../..');
  const cleanup = new Cleanup();
  const onSignal = (signal: NodeJS.Signals): void => {
    console.error(`\nbench: ${signal}, stopping everything it started…`);
    void cleanup.run().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const startedAt = new Date();
  const logs: string[] = [];
  try {
    const machine = {
      cpus: cpus().length,
      model: cpus()[0]?.model ?? 'unknown',
      loadAtStart: loadavg(),
      node: process.version,
      platform: `${platform()} ${release()}`,
      memoryGb: totalmem() / 1024 ** 3,
    };
    log(`${machine.cpus} × ${machine.model}, Node ${machine.node}, load ${fmtLoad()}`);

    // 5. Admin bundle: static files, no processes.
    const admin = measureAdminBundle(join(root, 'dist/apps/admin'));
    log(`admin initial JS: ${(admin.initialGzipBytes / 1000).toFixed(1)} kB gzipped`);

    // 6. Time to ready, first (empty data dir) and second start (same data dir). Measured before the
    // helper processes exist, so nothing else of ours competes for the CPU.
    const dataDir = mkdtempSync(join(tmpdir(), 'pardev-bench-'));
    cleanup.add('remove the data dir', async () => rmSync(dataDir, { recursive: true, force: true }));
    let busUrl: string | undefined;
    if (config.systemBus === 'nats') {
      const nats = await startPrivateNats(join(dataDir, 'nats'));
      cleanup.add('stop the private NATS server', () => nats.stop());
      busUrl = nats.url;
    }
    const databaseUrls: Partial<Record<AppName, string>> = {};
    if (config.postgresUrl) {
      for (const app of apps) {
        const database = await createTestDatabase(`bench_${app.replace(/-/g, '_')}`, config.postgresUrl);
        cleanup.add(`drop the ${app} database`, () => database.drop());
        databaseUrls[app] = database.url;
      }
    }
    const database = config.postgresUrl ? 'PostgreSQL' : 'PGlite';
    log(`starting the system (first start, ${config.systemBus} bus, ${database})…`);
    const first = await startTimed({ root, dataDir, busUrl, databaseUrls, logs });
    cleanup.add('stop the first system', () => first.system.stop());
    log(`ready in ${(first.readyMs / 1000).toFixed(2)} s; stopping it`);
    await first.system.stop();
    log('starting the system again on the same data dir…');
    const second: StartedSystem = await startTimed({ root, dataDir, busUrl, databaseUrls, logs });
    cleanup.add('stop the system', () => second.system.stop());
    const { system } = second;
    log(`ready in ${(second.readyMs / 1000).toFixed(2)} s at ${system.baseUrl}`);
    const memoryAfterStart = memoryOfApps(system);

    const session = await prepareSession(system.baseUrl);
    log(`signed in, partner ${session.partnerId} registered`);

    // Helpers: Fastify baseline, an MQTT broker for the bus scenarios, and the responders (own processes).
    const fastify: RoleChild = await spawnRole('fastify');
    cleanup.add('stop the Fastify baseline', () => fastify.stop());
    const namespace = `bench${randomBytes(4).toString('hex')}`;
    let mqttUrl: string | undefined;
    if (config.mqtt) {
      const broker = await spawnRole('broker');
      cleanup.add('stop the bench MQTT broker', () => broker.stop());
      mqttUrl = String(broker.ready.url);
    }
    // The team's NATS server when it answers; otherwise one of the bench's own (same nats-server binary).
    let natsUrl = config.natsUrl;
    let natsNote = `${config.natsUrl} (shared server, unique namespace ${namespace})`;
    if (!(await natsReachable(natsUrl))) {
      const own = await startPrivateNats(join(dataDir, 'nats-bus'));
      cleanup.add('stop the private NATS server (request-reply)', () => own.stop());
      natsUrl = own.url;
      natsNote = `${own.url} (a private nats-server: ${config.natsUrl} did not answer)`;
      log(`${config.natsUrl} does not answer: request-reply runs on a private nats-server at ${own.url}`);
    }
    const responderConfig = { natsUrl, mqttUrl, namespace };
    const responders = await spawnRole('responders', { BENCH_RESPONDERS: JSON.stringify(responderConfig) });
    cleanup.add('stop the bus responders', () => responders.stop());
    const clients: BusClients = await connectRequesters(responderConfig);
    cleanup.add('close the bus clients', () => clients.close());

    const gatewayLoad = (seconds: number): LoadOptions => ({
      url: `${system.baseUrl}/api/v1/partners/${session.partnerId}`,
      connections: config.connections,
      durationSeconds: seconds,
      headers: { cookie: session.cookie },
    });
    const gatewayPath = (path: string, seconds: number): LoadOptions => ({
      ...gatewayLoad(seconds),
      url: `${system.baseUrl}${path}`,
    });
    const fastifyLoad = (seconds: number): LoadOptions => ({
      url: String(fastify.ready.url),
      connections: config.connections,
      durationSeconds: seconds,
    });

    log('warming up…');
    await runLoad(gatewayLoad(config.warmupSeconds));
    await runLoad(fastifyLoad(config.warmupSeconds));
    for (const requester of clients.requesters) {
      await sequentialLatencies(requester, config.sequentialWarmup);
      await concurrentRun(requester, config.inFlight, 500);
    }

    const httpRounds: HttpRound[] = [];
    const busRounds: BusRound[] = [];
    for (let round = 1; round <= config.rounds; round++) {
      log(`round ${round}/${config.rounds} (load ${fmtLoad()})`);
      // Alternate the order inside a round too, so neither side always runs right after the other.
      const httpOrder =
        round % 2 === 1 ? (['gateway', 'fastify'] as const) : (['fastify', 'gateway'] as const);
      const http: Partial<Record<'gateway' | 'fastify', LoadResult>> = {};
      for (const which of httpOrder) {
        http[which] = await runLoad(
          which === 'gateway' ? gatewayLoad(config.httpSeconds) : fastifyLoad(config.httpSeconds),
        );
        log(
          `  ${which.padEnd(8)} ${http[which]!.rps.toFixed(0)} req/s, p50 ${http[which]!.p50Ms} ms, p99 ${http[which]!.p99Ms} ms`,
        );
      }
      const load1 = loadavg()[0]!;
      let diagnostics: HttpRound['diagnostics'];
      if (config.diagnostics) {
        const meta = await runLoad(gatewayPath('/api/v1/meta', config.diagnosticSeconds));
        const me = await runLoad(gatewayPath('/api/v1/auth/me', config.diagnosticSeconds));
        diagnostics = { meta, me };
        log(
          `  /meta    ${meta.rps.toFixed(0)} req/s, p99 ${meta.p99Ms} ms; /auth/me ${me.rps.toFixed(0)} req/s, p99 ${me.p99Ms} ms`,
        );
      }
      httpRounds.push({
        round,
        gateway: http.gateway!,
        fastify: http.fastify!,
        load1,
        ...(diagnostics ? { diagnostics } : {}),
      });

      // Sequential latency first, raw and ours alternating in blocks of SEQUENTIAL_BLOCK requests so both
      // see the same moment of the machine (and the same garbage left by earlier phases), then the
      // throughput runs. The order flips every round.
      const requesters = round % 2 === 1 ? clients.requesters : [...clients.requesters].reverse();
      const sequential = new Map<string, number[]>(requesters.map((r) => [r.name, []]));
      for (const bus of [...new Set(requesters.map((r) => r.name.split('-')[0]!))]) {
        const pair = requesters.filter((r) => r.name.startsWith(`${bus}-`));
        for (let done = 0; done < config.sequentialCount; done += SEQUENTIAL_BLOCK) {
          const block = Math.min(SEQUENTIAL_BLOCK, config.sequentialCount - done);
          for (const requester of pair)
            sequential.get(requester.name)!.push(...(await sequentialLatencies(requester, block)));
        }
      }
      for (const requester of requesters) {
        const latencies = summarize(sequential.get(requester.name)!);
        const concurrent = await concurrentRun(requester, config.inFlight, config.concurrentMs);
        const underLoad = summarize(concurrent.latencies);
        busRounds.push({
          round,
          requester: requester.name,
          sequential: latencies,
          rps: concurrent.rps,
          underLoad,
        });
        log(
          `  ${requester.name.padEnd(9)} seq p50 ${latencies.p50.toFixed(3)} ms p99 ${latencies.p99.toFixed(3)} ms; ` +
            `${config.inFlight} in flight ${concurrent.rps.toFixed(0)} req/s`,
        );
      }
    }

    let search: SearchBenchResult | undefined;
    const partnersDatabaseUrl = databaseUrls['partners-service'];
    if (partnersDatabaseUrl) {
      log(`partner search: ${config.searchPartners} partners, ${config.searchQueries} queries each way…`);
      search = await runSearchBench({
        baseUrl: system.baseUrl,
        cookie: session.cookie,
        partnersDatabaseUrl,
        partners: config.searchPartners,
        queries: config.searchQueries,
      });
      log(
        `  search   gateway p50 ${search.gateway.p50.toFixed(1)} ms p95 ${search.gateway.p95.toFixed(1)} ms; ` +
          `direct p50 ${search.direct.p50.toFixed(1)} ms p95 ${search.direct.p95.toFixed(1)} ms`,
      );
    }

    let agreements: AgreementsBenchResult | undefined;
    const agreementsDatabaseUrl = databaseUrls['agreements-service'];
    if (agreementsDatabaseUrl) {
      log(`agreements list: ${config.listAgreements} agreements, ${config.listQueries} queries each way…`);
      agreements = await runAgreementsBench({
        baseUrl: system.baseUrl,
        cookie: session.cookie,
        agreementsDatabaseUrl,
        agreements: config.listAgreements,
        queries: config.listQueries,
      });
      log(
        `  agreements gateway p50 ${agreements.gateway.p50.toFixed(1)} ms p95 ${agreements.gateway.p95.toFixed(1)} ms; ` +
          `direct p50 ${agreements.direct.p50.toFixed(1)} ms p95 ${agreements.direct.p95.toFixed(1)} ms`,
      );
    }

    log(`partner import dry run: ${config.importRuns} CSV files of ${config.importRows} rows…`);
    const importRun: ImportBenchResult = await runImportBench({
      baseUrl: system.baseUrl,
      cookie: session.cookie,
      rows: config.importRows,
      runs: config.importRuns,
    });
    log(
      `  import   gateway ${importRun.gatewayMs.map((v) => v.toFixed(0)).join(' / ')} ms; ` +
        `parse + validate in-process ${importRun.baselineMs.map((v) => v.toFixed(0)).join(' / ')} ms`,
    );

    log(`idle ${config.idleMs / 1000} s, then reading the services' memory`);
    await sleep(config.idleMs);
    const memoryAfterRuns = memoryOfApps(system);

    const finishedAt = new Date();
    const results: BenchResults = {
      machine: { ...machine, loadAtEnd: loadavg() },
      config,
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      readiness: { firstMs: first.readyMs, secondMs: second.readyMs, bus: config.systemBus, database },
      httpRounds,
      busRounds,
      memory: { afterStart: memoryAfterStart, afterRuns: memoryAfterRuns },
      admin,
      search,
      import: importRun,
      agreements,
      natsUrl: natsNote,
    };
    const rows = evaluate(results);
    console.log(`\n${renderConsole(rows)}\n`);
    const reportsDir = join(root, 'tools/bench/reports');
    mkdirSync(reportsDir, { recursive: true });
    // ISO 8601 basic-ish time (no colons, so the name is valid on every file system).
    const file = join(
      reportsDir,
      `${startedAt
        .toISOString()
        .replace(/:/g, '-')
        .replace(/\.\d+Z$/, 'Z')}.md`,
    );
    writeFileSync(file, await formatMarkdown(file, renderMarkdown(results, rows)));
    log(`report: ${relative(root, file)}`);
    const missed = rows.filter((row) => row.status === 'fail');
    log(
      missed.length === 0
        ? 'all targets met'
        : `targets missed: ${missed.map((row) => row.metric).join('; ')}`,
    );
    return 0;
  } catch (error) {
    console.error(`bench failed: ${(error as Error).stack ?? String(error)}`);
    if (logs.length > 0) console.error(`--- last app output ---\n${logs.slice(-30).join('\n')}`);
    return 1;
  } finally {
    log('stopping everything the bench started…');
    await cleanup.run();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
};
