// One bundle, several roles (each loads only what it needs; esbuild keeps dynamic imports lazy):
//   (no --role)         the bench itself: orchestrates everything and writes the report
//   --role=fastify      the bare Fastify baseline server
//   --role=broker       an embedded MQTT broker for the request-reply scenarios
//   --role=responders   the bus responders (ours and raw, NATS and MQTT)
//   --role=autocannon   one autocannon run (see http-load.ts)

const roleArg = process.argv.find((arg) => arg.startsWith('--role='))?.slice('--role='.length);

const fail = (error: unknown): never => {
  console.error(
    `bench ${roleArg ?? 'main'} failed:`,
    error instanceof Error ? (error.stack ?? error.message) : error,
  );
  process.exit(1);
};

const run = async (): Promise<void> => {
  switch (roleArg) {
    case undefined: {
      const { runBench } = await import('./orchestrator.js');
      process.exitCode = await runBench(process.argv.slice(2));
      // Clients that keep a timer alive must not hold the finished bench open.
      setTimeout(() => process.exit(process.exitCode ?? 0), 2_000).unref();
      return;
    }
    case 'autocannon': {
      const { autocannonRun } = await import('./http-load.js');
      process.once('disconnect', () => process.exit(1)); // the bench is gone: stop loading its target
      try {
        const result = await autocannonRun(JSON.parse(process.env.BENCH_LOAD ?? '{}'));
        process.send!({ ok: true, result }, undefined, {}, () => process.exit(0));
      } catch (error) {
        process.send!({ ok: false, error: (error as Error).message }, undefined, {}, () => process.exit(1));
      }
      return;
    }
    case 'fastify': {
      const { runFastifyHello } = await import('./fastify-hello.js');
      return runFastifyHello();
    }
    case 'broker': {
      const { runBroker } = await import('./messaging.js');
      return runBroker();
    }
    case 'responders': {
      const { runResponders } = await import('./messaging.js');
      return runResponders(JSON.parse(process.env.BENCH_RESPONDERS ?? '{}'));
    }
    default:
      throw new Error(`unknown role ${roleArg}`);
  }
};

run().catch(fail);
