import autocannon, { type AutocannonRequest } from 'autocannon';
import { readFileSync } from 'node:fs';

/**
 * The load generator, in a process of its own so that autocannon's own work does not share an event
 * loop with the servers it measures. Reads a LoadSpec (api-bench.ts) from the JSON file named on the
 * command line, sends its requests in turn (round robin over the list), and prints the result as JSON.
 */
export interface LoadSpec {
  readonly url: string;
  readonly connections: number;
  /** Either a duration in seconds or a number of requests. */
  readonly seconds?: number;
  readonly amount?: number;
  readonly warmupSeconds: number;
  readonly requests: ReadonlyArray<{ method: string; path: string; body?: string }>;
}

export interface LoadResult {
  readonly reqPerSec: number;
  readonly p50: number;
  readonly p99: number;
  readonly requests: number;
  readonly failures: number;
}

const spec = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as LoadSpec;
const headers = { 'content-type': 'application/json' };
const request = () => {
  let next = 0;
  return {
    setupRequest: (template: AutocannonRequest) => {
      const { method, path, body } = spec.requests[next++ % spec.requests.length]!;
      return body === undefined ? { ...template, method, path } : { ...template, method, path, headers, body };
    },
  };
};

if (spec.warmupSeconds > 0) await autocannon({ url: spec.url, connections: spec.connections, duration: spec.warmupSeconds, requests: [request()] });
const result = await autocannon({
  url: spec.url,
  connections: spec.connections,
  ...(spec.amount ? { amount: spec.amount } : { duration: spec.seconds ?? 10 }),
  timeout: 30,
  requests: [request()],
});
const summary: LoadResult = {
  reqPerSec: result.requests.total / Math.max(result.duration, 0.001),
  p50: result.latency.p50,
  p99: result.latency.p99,
  requests: result.requests.total,
  failures: result.non2xx + result.errors + result.timeouts,
};
process.stdout.write(JSON.stringify(summary));
