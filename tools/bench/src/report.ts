import type { AdminBundle } from './admin-bundle';
import type { AgreementsBenchResult } from './agreements';
import type { ImportBenchResult } from './import';
import type { SearchBenchResult } from './search';
import type { LoadResult } from './http-load';
import { median, type Summary } from './stats';
import type { AppName, Memory } from './system-under-bench';

// Targets are ratios against baselines measured in the same run (plus a few absolute budgets); a
// single noisy round cannot decide: every figure is the median of the interleaved rounds.

export const targets = {
  gatewayToFastifyRps: 0.3,
  gatewayP99Ms: 20,
  oursToRawNatsP50: 1.2,
  rssMb: 200,
  adminInitialGzipKb: 170,
  searchP95ToDirect: 2,
  searchP95Ms: 30,
  importDryRunMs: 5_000,
  agreementsP95ToDirect: 2,
  agreementsP95Ms: 50,
} as const;

export interface HttpRound {
  readonly round: number;
  readonly gateway: LoadResult;
  readonly fastify: LoadResult;
  /** 1-minute load average right after the round's HTTP runs. */
  readonly load1: number;
  /** The same gateway without the bus (GET /auth/me: session check only) and without the database too (GET /meta). */
  readonly diagnostics?: { readonly meta: LoadResult; readonly me: LoadResult };
}

export interface BusRound {
  readonly round: number;
  readonly requester: string;
  readonly sequential: Summary;
  readonly rps: number;
  readonly underLoad: Summary;
}

export interface BenchResults {
  readonly machine: {
    cpus: number;
    model: string;
    node: string;
    platform: string;
    memoryGb: number;
    loadAtStart: number[];
    loadAtEnd: number[];
  };
  readonly config: {
    rounds: number;
    httpSeconds: number;
    warmupSeconds: number;
    connections: number;
    sequentialCount: number;
    sequentialWarmup: number;
    inFlight: number;
    concurrentMs: number;
    mqtt: boolean;
    diagnostics: boolean;
    diagnosticSeconds: number;
    systemBus: string;
  };
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly readiness: { firstMs: number; secondMs: number; bus: string; database: string };
  readonly httpRounds: HttpRound[];
  readonly busRounds: BusRound[];
  readonly memory: {
    afterStart: Record<AppName, Memory | undefined>;
    afterRuns: Record<AppName, Memory | undefined>;
  };
  readonly admin: AdminBundle;
  /** Only with --postgres-url: the direct query needs the partners database. */
  readonly search?: SearchBenchResult | undefined;
  readonly import?: ImportBenchResult | undefined;
  readonly agreements?: AgreementsBenchResult | undefined;
  readonly natsUrl: string;
}

export type Status = 'pass' | 'fail' | 'info';

export interface Row {
  readonly metric: string;
  readonly value: string;
  readonly baseline: string;
  readonly ratio: string;
  readonly target: string;
  readonly status: Status;
  /** How far from the target (headroom or miss), for pass/fail rows. */
  readonly margin: string;
}

const ms = (value: number, digits = 2): string => `${value.toFixed(digits)} ms`;
const rps = (value: number): string => `${Math.round(value).toLocaleString('en-US')} req/s`;
const mb = (value: number | undefined): string =>
  value === undefined || Number.isNaN(value) ? 'n/a' : `${value.toFixed(1)} MB`;
const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;
const x = (value: number): string => `${value < 0.1 ? value.toPrecision(2) : value.toFixed(2)}×`;
const pct = (value: number): string => `${Math.abs(value).toFixed(0)} %`;

/** "≤ limit" budget: headroom or miss, relative to the limit. */
const atMost = (value: number, limit: number): { status: Status; margin: string } =>
  value <= limit
    ? { status: 'pass', margin: `${pct(((limit - value) / limit) * 100)} under the limit` }
    : {
        status: 'fail',
        margin: `missed by ${pct(((value - limit) / limit) * 100)} (${(value - limit).toFixed(2)} over)`,
      };

/** "≥ floor": headroom or miss, relative to the floor. */
const atLeast = (value: number, floor: number): { status: Status; margin: string } =>
  value >= floor
    ? { status: 'pass', margin: `${pct(((value - floor) / floor) * 100)} above the floor` }
    : {
        status: 'fail',
        margin: `missed by ${pct(((floor - value) / floor) * 100)} (${x(value)} vs ${x(floor)})`,
      };

const info = (metric: string, value: string, extra: Partial<Row> = {}): Row => ({
  metric,
  value,
  baseline: '',
  ratio: '',
  target: '',
  status: 'info',
  margin: '',
  ...extra,
});

const busMedians = (rounds: BusRound[], requester: string) => {
  const mine = rounds.filter((r) => r.requester === requester);
  if (mine.length === 0) return undefined;
  return {
    p50: median(mine.map((r) => r.sequential.p50)),
    p99: median(mine.map((r) => r.sequential.p99)),
    rps: median(mine.map((r) => r.rps)),
    loadP50: median(mine.map((r) => r.underLoad.p50)),
    loadP99: median(mine.map((r) => r.underLoad.p99)),
  };
};

/** Paired per-round ratio ours/raw, medianed (both sides ran back to back in each round). */
const pairedRatio = (
  rounds: BusRound[],
  ours: string,
  raw: string,
  value: (r: BusRound) => number,
): number | undefined => {
  const ratios: number[] = [];
  for (const round of new Set(rounds.map((r) => r.round))) {
    const a = rounds.find((r) => r.round === round && r.requester === ours);
    const b = rounds.find((r) => r.round === round && r.requester === raw);
    if (a && b) ratios.push(value(a) / value(b));
  }
  return ratios.length > 0 ? median(ratios) : undefined;
};

export const evaluate = (results: BenchResults): Row[] => {
  const rows: Row[] = [];
  const { httpRounds, busRounds } = results;
  const connections = results.config.connections;

  // 1 + 2: gateway vs bare Fastify.
  const gwRps = median(httpRounds.map((r) => r.gateway.rps));
  const fyRps = median(httpRounds.map((r) => r.fastify.rps));
  const rpsRatio = median(httpRounds.map((r) => r.gateway.rps / r.fastify.rps));
  rows.push({
    metric: `Gateway GET /partners/:id throughput (${connections} conn.)`,
    value: rps(gwRps),
    baseline: `Fastify hello ${rps(fyRps)}`,
    ratio: x(rpsRatio),
    target: `≥ ${x(targets.gatewayToFastifyRps)} Fastify`,
    ...atLeast(rpsRatio, targets.gatewayToFastifyRps),
  });
  const gwP99 = median(httpRounds.map((r) => r.gateway.p99Ms));
  const fyP99 = median(httpRounds.map((r) => r.fastify.p99Ms));
  rows.push({
    metric: 'Gateway p99 latency',
    value: ms(gwP99, 0),
    baseline: `Fastify ${ms(fyP99, 0)}`,
    ratio: fyP99 > 0 ? x(gwP99 / fyP99) : '',
    target: `≤ ${targets.gatewayP99Ms} ms`,
    ...atMost(gwP99, targets.gatewayP99Ms),
  });
  rows.push(
    info('Gateway p50 latency', ms(median(httpRounds.map((r) => r.gateway.p50Ms)), 0), {
      baseline: `Fastify ${ms(median(httpRounds.map((r) => r.fastify.p50Ms)), 0)}`,
    }),
  );
  const failures = httpRounds.reduce(
    (sum, r) => sum + r.gateway.non2xx + r.gateway.errors + r.gateway.timeouts,
    0,
  );
  const answered = httpRounds.reduce((sum, r) => sum + r.gateway.ok2xx, 0);
  rows.push({
    metric: 'Gateway non-2xx + errors + timeouts (all rounds)',
    value: `${failures} of ${(answered + failures).toLocaleString('en-US')}`,
    baseline: '',
    ratio: '',
    target: '= 0',
    status: failures === 0 ? 'pass' : 'fail',
    margin: failures === 0 ? 'none' : `${failures} failed`,
  });

  // Where the gateway's time goes: the same process, same cookie, less work per request.
  const diagnosed = httpRounds.filter((r) => r.diagnostics);
  if (diagnosed.length > 0) {
    const split = [
      ['GET /api/v1/meta (Nest + Fastify only)', (r: HttpRound) => r.diagnostics!.meta] as const,
      ['GET /api/v1/auth/me (+ session lookup in the DB)', (r: HttpRound) => r.diagnostics!.me] as const,
    ];
    for (const [label, pick] of split) {
      rows.push(
        info(
          `Gateway split: ${label}`,
          `${rps(median(diagnosed.map((r) => pick(r).rps)))}, p99 ${ms(median(diagnosed.map((r) => pick(r).p99Ms)), 0)}`,
          {
            baseline: 'Fastify hello',
            ratio: x(median(diagnosed.map((r) => pick(r).rps / r.fastify.rps))),
          },
        ),
      );
    }
  }

  // 3: request-reply on NATS (targets) and on the embedded MQTT broker (information).
  for (const bus of ['nats', 'mqtt'] as const) {
    const raw = busMedians(busRounds, `${bus}-raw`);
    const ours = busMedians(busRounds, `${bus}-ours`);
    if (!raw || !ours) continue;
    const label = bus === 'nats' ? 'NATS' : 'MQTT (embedded broker)';
    const p50Ratio = pairedRatio(busRounds, `${bus}-ours`, `${bus}-raw`, (r) => r.sequential.p50)!;
    const p50Row = {
      metric: `${label} request-reply p50, sequential: ours vs raw`,
      value: ms(ours.p50, 3),
      baseline: `raw ${ms(raw.p50, 3)}`,
      ratio: x(p50Ratio),
    };
    rows.push(
      bus === 'nats'
        ? {
            ...p50Row,
            target: `≤ ${x(targets.oursToRawNatsP50)} raw`,
            ...atMost(p50Ratio, targets.oursToRawNatsP50),
          }
        : info(p50Row.metric, p50Row.value, { baseline: p50Row.baseline, ratio: p50Row.ratio }),
    );
    rows.push(
      info(`${label} request-reply p99, sequential`, ms(ours.p99, 3), {
        baseline: `raw ${ms(raw.p99, 3)}`,
        ratio: x(pairedRatio(busRounds, `${bus}-ours`, `${bus}-raw`, (r) => r.sequential.p99)!),
      }),
    );
    rows.push(
      info(`${label} throughput, ${results.config.inFlight} in flight`, rps(ours.rps), {
        baseline: `raw ${rps(raw.rps)}`,
        ratio: x(pairedRatio(busRounds, `${bus}-ours`, `${bus}-raw`, (r) => r.rps)!),
      }),
    );
    rows.push(
      info(
        `${label} p50 / p99 with ${results.config.inFlight} in flight`,
        `${ms(ours.loadP50)} / ${ms(ours.loadP99)}`,
        {
          baseline: `raw ${ms(raw.loadP50)} / ${ms(raw.loadP99)}`,
        },
      ),
    );
  }

  // 4: memory.
  for (const [app, memory] of Object.entries(results.memory.afterRuns) as [AppName, Memory | undefined][]) {
    const start = results.memory.afterStart[app];
    const value = memory?.rssMb;
    rows.push({
      metric: `RSS ${app} (idle, after the runs)`,
      value: mb(value),
      baseline: `after start ${mb(start?.rssMb)}; peak ${mb(memory?.peakRssMb)}`,
      ratio: '',
      target: `≤ ${targets.rssMb} MB`,
      ...(value === undefined || Number.isNaN(value)
        ? { status: 'info' as const, margin: 'not measurable here' }
        : atMost(value, targets.rssMb)),
    });
  }

  // 5: admin.
  const adminKb = results.admin.initialGzipBytes / 1000;
  rows.push({
    metric: 'Admin initial JS (entry + modulepreload, gzip -9)',
    value: kb(results.admin.initialGzipBytes),
    baseline: `static-import closure ${kb(results.admin.staticClosureGzipBytes)}; CSS ${kb(results.admin.cssGzipBytes)}`,
    ratio: '',
    target: `≤ ${targets.adminInitialGzipKb} kB`,
    ...atMost(adminKb, targets.adminInitialGzipKb),
  });

  // 7: partner search over many partners, gateway vs the same SQL run directly.
  if (results.search) {
    const { gateway, direct, partners, queries } = results.search;
    const ratio = gateway.p95 / direct.p95;
    rows.push({
      metric: `Partner search p95 through the gateway (${partners.toLocaleString('en-US')} partners, ${queries} queries)`,
      value: ms(gateway.p95),
      baseline: `same SQL on PostgreSQL ${ms(direct.p95)}`,
      ratio: x(ratio),
      target: `≤ ${x(targets.searchP95ToDirect)} direct`,
      ...atMost(ratio, targets.searchP95ToDirect),
    });
    rows.push({
      metric: 'Partner search p95 through the gateway, absolute',
      value: ms(gateway.p95),
      baseline: '',
      ratio: '',
      target: `≤ ${targets.searchP95Ms} ms`,
      ...atMost(gateway.p95, targets.searchP95Ms),
    });
    rows.push(
      info('Partner search p50 / p99 through the gateway', `${ms(gateway.p50)} / ${ms(gateway.p99)}`, {
        baseline: `direct ${ms(direct.p50)} / ${ms(direct.p99)}`,
      }),
    );
  } else {
    rows.push(info('Partner search over 10,000 partners', 'not run: needs --postgres-url'));
  }

  // 9: the agreements list over many agreements, gateway vs the same statements run directly.
  if (results.agreements) {
    const { gateway, direct, agreements, queries } = results.agreements;
    const ratio = gateway.p95 / direct.p95;
    rows.push({
      metric: `Agreements list p95 through the gateway (${agreements.toLocaleString('en-US')} agreements, ${queries} filtered queries)`,
      value: ms(gateway.p95),
      baseline: `same SQL on PostgreSQL ${ms(direct.p95)}`,
      ratio: x(ratio),
      target: `≤ ${x(targets.agreementsP95ToDirect)} direct`,
      ...atMost(ratio, targets.agreementsP95ToDirect),
    });
    rows.push({
      metric: 'Agreements list p95 through the gateway, absolute',
      value: ms(gateway.p95),
      baseline: '',
      ratio: '',
      target: `≤ ${targets.agreementsP95Ms} ms`,
      ...atMost(gateway.p95, targets.agreementsP95Ms),
    });
    rows.push(
      info('Agreements list p50 / p99 through the gateway', `${ms(gateway.p50)} / ${ms(gateway.p99)}`, {
        baseline: `direct ${ms(direct.p50)} / ${ms(direct.p99)}`,
      }),
    );
  }

  // 8: import dry run of a large CSV, end to end, beside parsing and validating it in-process.
  if (results.import) {
    const { rows: lines, gatewayMs, baselineMs, planned } = results.import;
    const value = median([...gatewayMs]);
    const base = median([...baselineMs]);
    rows.push({
      metric: `Import dry run of ${lines.toLocaleString('en-US')} CSV rows through the gateway (median of ${gatewayMs.length})`,
      value: ms(value, 0),
      baseline: `parse + validate in-process ${ms(base, 0)}`,
      ratio: x(value / base),
      target: `≤ ${ms(targets.importDryRunMs, 0)}`,
      ...atMost(value, targets.importDryRunMs),
    });
    rows.push(
      info(
        'Import dry run outcome',
        `${planned.create} create, ${planned.update} update, ${planned.skip} skip, ${planned.error} errors`,
      ),
    );
  }

  // 6: start-up.
  rows.push(
    info(
      `Time to ready, first start (empty data dir, ${results.readiness.bus} bus, ${results.readiness.database})`,
      ms(results.readiness.firstMs, 0),
    ),
  );
  rows.push(info('Time to ready, second start (existing data dir)', ms(results.readiness.secondMs, 0)));
  return rows;
};

const icon = (status: Status): string => (status === 'pass' ? '✅' : status === 'fail' ? '❌' : 'ℹ️');

export const renderConsole = (rows: Row[]): string => {
  const header = ['', 'Metric', 'Value', 'Baseline (same run)', 'Ratio', 'Target', 'Margin'];
  const lines = rows.map((r) => [icon(r.status), r.metric, r.value, r.baseline, r.ratio, r.target, r.margin]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const render = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(2) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [
    render(header),
    widths.map((w, i) => '-'.repeat(i === 0 ? 2 : w)).join('  '),
    ...lines.map(render),
  ].join('\n');
};

const mdTable = (header: string[], lines: string[][]): string =>
  [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...lines.map((l) => `| ${l.join(' | ')} |`),
  ].join('\n');

export const renderMarkdown = (results: BenchResults, rows: Row[]): string => {
  const { machine, config } = results;
  const out: string[] = [];
  out.push(`# Performance bench, ${results.startedAt}`, '');
  out.push(
    `Run with \`npm run bench\` (tools/bench). ${config.rounds} interleaved rounds; every figure is the median of the rounds ` +
      '(ratios: median of the per-round paired ratios). Baselines ran on the same machine in the same run.',
    '',
  );
  out.push('## Machine', '');
  out.push(
    mdTable(
      ['CPUs', 'Model', 'Memory', 'Node', 'OS', 'Load average at start (1/5/15 min)', 'at end'],
      [
        [
          String(machine.cpus),
          machine.model,
          `${machine.memoryGb.toFixed(1)} GB`,
          machine.node,
          machine.platform,
          machine.loadAtStart.map((l) => l.toFixed(2)).join(' / '),
          machine.loadAtEnd.map((l) => l.toFixed(2)).join(' / '),
        ],
      ],
    ),
    '',
  );
  out.push(
    `Started ${results.startedAt}, finished ${results.finishedAt} ` +
      `(${((Date.parse(results.finishedAt) - Date.parse(results.startedAt)) / 1000).toFixed(0)} s).`,
    '',
  );
  const busiest = Math.max(
    ...machine.loadAtStart.slice(0, 1),
    ...machine.loadAtEnd.slice(0, 1),
    ...results.httpRounds.map((r) => r.load1),
  );
  if (busiest > machine.cpus) {
    out.push(
      `> **Busy machine:** the 1-minute load average reached ${busiest.toFixed(1)} on ${machine.cpus} CPUs during this run ` +
        '(other work besides the bench). Absolute latencies and throughputs are pessimistic and noisy; the ratios ' +
        'against same-run baselines are the figures to compare, and even they favour the lighter side.',
      '',
    );
  }
  out.push('## Results against the targets', '');
  out.push(
    mdTable(
      ['', 'Metric', 'Value', 'Baseline (same run)', 'Ratio', 'Target', 'Margin'],
      rows.map((r) => [icon(r.status), r.metric, r.value, r.baseline, r.ratio, r.target, r.margin]),
    ),
    '',
  );
  const missed = rows.filter((r) => r.status === 'fail');
  out.push(
    missed.length === 0
      ? '**All targets met.**'
      : `**Missed:** ${missed.map((r) => `${r.metric} (${r.margin})`).join('; ')}.`,
    '',
  );

  out.push('## Setup', '');
  out.push(
    [
      `- System: \`startSystem\` (tools/launcher) with the built apps, ${results.readiness.bus === 'embedded' ? 'the embedded MQTT broker in the bench process (main thread)' : 'a private NATS server started by the bench'}, ${results.readiness.database === 'PGlite' ? 'PGlite in a temporary data dir' : 'a fresh PostgreSQL database per app (dropped afterwards)'}, LOG_LEVEL=warn.`,
      `- HTTP: autocannon 8 in a child process of its own (one per run), ${config.connections} connections, ${config.httpSeconds} s per run, ${config.warmupSeconds} s warm-up per target; gateway and Fastify alternate order each round. The Fastify baseline (\`GET /\` → \`{hello:'world'}\`) runs in its own process.`,
      `- Gateway request: \`GET /api/v1/partners/:id\` with the admin's session cookie, for a partner registered just before (session check in the gateway's database, then \`partners.partner.get\` over the bus to partners-service).`,
      `- Request-reply: \`MessageBus.request('partners.partner.get')\` answered by \`transport.serve(…, processRequest(…))\` (ours) vs the bare client library answering the same bytes (raw); responders in their own process, requesters in the bench process. NATS: ${results.natsUrl}. MQTT: an embedded broker in its own process. ${config.sequentialCount} sequential requests each after ${config.sequentialWarmup} warm-up, raw and ours alternating in blocks of 100; then ${config.inFlight} in flight for ${config.concurrentMs / 1000} s each.`,
      '- Memory: VmRSS from /proc/<pid>/status of each app process, after start-up and again after the runs plus an idle pause; peak = VmHWM.',
      '- Admin: dist/apps/admin/index.html entry module + modulepreload links, gzip level 9.',
    ].join('\n'),
    '',
  );

  out.push('## Rounds', '', '### HTTP', '');
  out.push(
    mdTable(
      [
        'Round',
        'Gateway req/s',
        'p50',
        'p99',
        'max',
        'non-2xx/err/timeouts',
        'Fastify req/s',
        'p50',
        'p99',
        'Ratio',
        'load 1 min',
      ],
      results.httpRounds.map((r) => [
        String(r.round),
        Math.round(r.gateway.rps).toLocaleString('en-US'),
        ms(r.gateway.p50Ms, 0),
        ms(r.gateway.p99Ms, 0),
        ms(r.gateway.maxMs, 0),
        `${r.gateway.non2xx}/${r.gateway.errors}/${r.gateway.timeouts}`,
        Math.round(r.fastify.rps).toLocaleString('en-US'),
        ms(r.fastify.p50Ms, 0),
        ms(r.fastify.p99Ms, 0),
        x(r.gateway.rps / r.fastify.rps),
        r.load1.toFixed(2),
      ]),
    ),
    '',
    '(autocannon records whole milliseconds.)',
    '',
  );
  const diagnosedRounds = results.httpRounds.filter((r) => r.diagnostics);
  if (diagnosedRounds.length > 0) {
    out.push(`Gateway split (${config.diagnosticSeconds} s each, after the round's main runs):`, '');
    out.push(
      mdTable(
        ['Round', '/meta req/s', 'p50', 'p99', '/auth/me req/s', 'p50', 'p99', 'non-2xx'],
        diagnosedRounds.map((r) => [
          String(r.round),
          Math.round(r.diagnostics!.meta.rps).toLocaleString('en-US'),
          ms(r.diagnostics!.meta.p50Ms, 0),
          ms(r.diagnostics!.meta.p99Ms, 0),
          Math.round(r.diagnostics!.me.rps).toLocaleString('en-US'),
          ms(r.diagnostics!.me.p50Ms, 0),
          ms(r.diagnostics!.me.p99Ms, 0),
          String(r.diagnostics!.meta.non2xx + r.diagnostics!.me.non2xx),
        ]),
      ),
      '',
    );
  }
  out.push('### Request-reply', '');
  out.push(
    mdTable(
      [
        'Round',
        'Requester',
        'seq p50',
        'seq p90',
        'seq p99',
        'seq max',
        `req/s (${config.inFlight} in flight)`,
        'p50 loaded',
        'p99 loaded',
      ],
      results.busRounds.map((r) => [
        String(r.round),
        r.requester,
        ms(r.sequential.p50, 3),
        ms(r.sequential.p90, 3),
        ms(r.sequential.p99, 3),
        ms(r.sequential.max, 3),
        Math.round(r.rps).toLocaleString('en-US'),
        ms(r.underLoad.p50),
        ms(r.underLoad.p99),
      ]),
    ),
    '',
  );
  out.push('### Memory (MB)', '');
  out.push(
    mdTable(
      ['App', 'RSS after start', 'RSS after runs (idle)', 'Peak (VmHWM)'],
      (Object.keys(results.memory.afterRuns) as AppName[]).map((app) => [
        app,
        mb(results.memory.afterStart[app]?.rssMb),
        mb(results.memory.afterRuns[app]?.rssMb),
        mb(results.memory.afterRuns[app]?.peakRssMb),
      ]),
    ),
    '',
  );
  out.push('### Admin initial assets', '');
  out.push(
    mdTable(
      ['Asset', 'Kind', 'Bytes', 'gzip -9'],
      results.admin.assets.map((a) => [
        a.path,
        a.kind,
        a.bytes.toLocaleString('en-US'),
        a.gzipBytes.toLocaleString('en-US'),
      ]),
    ),
    '',
  );
  out.push('### Start-up', '');
  out.push(
    `First start (empty data dir): ${ms(results.readiness.firstMs, 0)}; second start (same data dir): ${ms(results.readiness.secondMs, 0)}.`,
    '',
  );
  return out.join('\n');
};
