// Container health probe for the Node images (node:20-slim has no curl or wget).
// Exits 0 when GET <url> answers 2xx within the timeout, 1 otherwise (with the reason on stderr).
//
//   node healthcheck.mjs [url]
//
// url: the argument, else $HEALTHCHECK_URL, else http://127.0.0.1:<port>/health where <port> is
// $HEALTH_PORT (services) or $PORT (gateway). Timeout: $HEALTHCHECK_TIMEOUT_MS, default 4000.
const port = process.env.HEALTH_PORT || process.env.PORT || '3000';
const url = process.argv[2] || process.env.HEALTHCHECK_URL || `http://127.0.0.1:${port}/health`;
const timeoutMs = Number(process.env.HEALTHCHECK_TIMEOUT_MS) || 4000;

try {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  await response.body?.cancel();
  if (!response.ok) {
    console.error(`healthcheck: ${url} answered ${response.status}`);
    process.exit(1);
  }
  process.exit(0);
} catch (error) {
  console.error(`healthcheck: ${url} failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
