/**
 * The load generator, run as its own process (scripts/lib/bench/run-load.ts spawns it) so that it
 * does not share a CPU with the bench's own work: autocannon against one URL for a fixed time,
 * with every response's latency kept so that p50 and p95 are exact. Prints one JSON line.
 */
import autocannon from "autocannon";
import { percentile } from "./run-load";

export interface LoadOptions {
  url: string;
  connections: number;
  /** Seconds. */
  duration: number;
  headers: Record<string, string>;
}

export interface LoadResult {
  requests: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Every successful response's latency in ms, sorted: rounds of one target are merged from these. */
  latencies: number[];
}

const options = JSON.parse(process.argv[2] ?? "{}") as LoadOptions;
const latencies: number[] = [];

function pass(limit: { duration: number } | { amount: number }): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url: options.url, connections: options.connections, timeout: 30, headers: options.headers, ...limit },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    instance.on("response", (_client, statusCode, _bytes, ms) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(ms);
    });
  });
}

try {
  const started = performance.now();
  const results = [await pass({ duration: options.duration })];
  // Requests still running when the time is up are not counted: a page slower than the whole
  // duration would have no latency at all. Then measure one request per connection instead.
  if (latencies.length === 0) results.push(await pass({ amount: options.connections }));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const sum = (k: "2xx" | "non2xx" | "errors" | "timeouts") => results.reduce((n, r) => n + r[k], 0);
  const out: LoadResult = {
    requests: latencies.length,
    ok: sum("2xx"),
    non2xx: sum("non2xx"),
    errors: sum("errors"),
    timeouts: sum("timeouts"),
    seconds,
    rps: sum("2xx") / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? Number.NaN,
    latencies,
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
