import { randomInt } from 'node:crypto';
import { startLocalStack } from '../../infra/local/stack.js';
import { runFuzz } from './openapi-fuzz.js';
import { FUZZ_MANAGER_PAVILION, type OpenApiDocument } from './requests.js';

/**
 * `npm run fuzz`: the OpenAPI-driven fuzz in full against a local store of its own (temporary data):
 * FUZZ_REQUESTS requests (10,000 by default) drawn with FUZZ_SEED (random, printed, so a failure
 * replays exactly). Exits 1 on any 5xx, 4xx without problem+json, or dropped connection.
 */
// The store logs every refused webhook signature and the like: keep the run's own report readable.
process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';

const count = Number(process.env.FUZZ_REQUESTS ?? 10_000);
const seed = Number(process.env.FUZZ_SEED ?? randomInt(2 ** 31));
if (!Number.isSafeInteger(count) || count < 1 || !Number.isSafeInteger(seed)) {
  console.error('FUZZ_REQUESTS must be a positive integer and FUZZ_SEED an integer.');
  process.exit(2);
}

const stack = await startLocalStack({ port: 0, site: false, log: (message) => console.log(message) });
let failed = true;
try {
  const document = (await (await fetch(`${stack.url}/api/openapi.json`)).json()) as OpenApiDocument;
  const tokens = { manager: await stack.signToken(FUZZ_MANAGER_PAVILION), operator: await stack.signOperatorToken() };
  console.log(`Fuzzing ${stack.url} with ${count} requests, FUZZ_SEED=${seed}`);
  const started = Date.now();
  const report = await runFuzz({ baseUrl: stack.url, document, tokens, count, seed, progress: (done) => console.log(`  ${done} requests…`) });
  const seconds = (Date.now() - started) / 1000;
  console.log(`${report.requests} requests in ${seconds.toFixed(1)} s over ${report.socketsOpened} socket(s); ${report.operationsHit}/${report.operations} operations`);
  console.log(`Statuses: ${Object.entries(report.statuses).map(([status, n]) => `${status}×${n}`).join(' ')}`);
  const problems = [
    ...report.failures.map((line) => `answer: ${line}`),
    ...report.dropped.map((line) => `dropped: ${line}`),
    ...report.silentCloses.map((line) => `closed without saying so: ${line}`),
  ];
  for (const line of problems.slice(0, 50)) console.log(line);
  if (problems.length > 50) console.log(`… and ${problems.length - 50} more`);
  console.log(problems.length === 0 ? 'No 5xx, every refusal problem+json, no dropped connection.' : `${problems.length} problem(s). Replay with FUZZ_SEED=${seed} FUZZ_REQUESTS=${count}.`);
  failed = problems.length > 0;
} finally {
  await stack.stop();
}
process.exit(failed ? 1 : 0);
