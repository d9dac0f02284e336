import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createDynamoClients } from '../../functions/adapters/dynamodb/client.js';
import { startLocalStack, type LocalStack } from '../../infra/local/stack.js';
import { createCarts, prepareCatalogue } from './api-fixture.js';
import { apiSection, measureApi, type LoadSettings } from './api-bench.js';
import { startBareServer } from './bare-server.js';
import { capacitySection, measureCapacity } from './capacity-bench.js';
import { lambdaSection, measureLambdas } from './lambda-bench.js';
import { LIGHTHOUSE_PAGES, lighthouseSection, measureLighthouse } from './lighthouse-bench.js';
import { gitCommit, loadAverage, machine } from './report.js';
import { measureSite, siteSection } from './site-bench.js';

/**
 * `npm run bench`: every performance number of issue 13 measured side by side in one run, written to
 * BENCHMARKS.md (BENCH_OUT elsewhere). BENCH_QUICK=1 runs each part small (CI checks that it starts
 * and writes the file: tests/integration/bench-quick.test.ts); the full run takes about a quarter of an hour on 2 cores.
 * BENCH_PRODUCTS sets how many synthetic products the API's table gets on top of the seed.
 */
const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const quick = process.env.BENCH_QUICK === '1';
const out = resolve(process.env.BENCH_OUT ?? resolve(ROOT, 'BENCHMARKS.md'));

const plan = quick
  ? { extraProducts: 0, load: { seconds: 2, checkouts: 30, connections: 10, warmupSeconds: 0 }, initPairs: 3, siteSizes: [100], lighthouseRuns: 1, lighthousePages: LIGHTHOUSE_PAGES.slice(0, 1) }
  : { extraProducts: 10_000, load: { seconds: 10, checkouts: 400, connections: 10, warmupSeconds: 2 }, initPairs: 10, siteSizes: [1_000, 10_000], lighthouseRuns: 5, lighthousePages: LIGHTHOUSE_PAGES };
const extraProducts = process.env.BENCH_PRODUCTS ? Number(process.env.BENCH_PRODUCTS) : plan.extraProducts;
const settings: LoadSettings = plan.load;

const started = performance.now();
const log = (line: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);
const loadBefore = loadAverage();
const sections: string[] = [];
const failures: string[] = [];

/** Runs one part; a part that fails is named in the file (and fails the command) instead of hiding the others. */
async function part(title: string, run: () => Promise<string>): Promise<void> {
  const partStarted = performance.now();
  try {
    sections.push(await run());
    log(`${title} done in ${((performance.now() - partStarted) / 1000).toFixed(0)} s`);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    failures.push(`${title}: ${message}`);
    sections.push(`## ${title}\n\nNot measured: ${message}`);
    log(`${title} FAILED: ${message}`);
  }
}

const quiet = () => undefined;

await part('Lambda', async () => lambdaSection(await measureLambdas(plan.initPairs, log)));

/**
 * The full run measures the API on a stack without the site (`site: false`, as tests that need no pages
 * run it) and Lighthouse on one with it; the quick run saves a start by using one stack, with the site, for both.
 */
const shared = quick ? await startLocalStack({ port: 0, log: quiet }).catch((error: Error) => error) : null;
async function withStack<T>(site: boolean, use: (stack: LocalStack) => Promise<T>): Promise<T> {
  if (shared instanceof Error) throw shared;
  if (shared) return use(shared);
  const stack = await startLocalStack({ port: 0, site, log: quiet });
  try {
    return await use(stack);
  } finally {
    await stack.stop();
  }
}
const apiStackNote = quick ? 'with the site, which Lighthouse uses too in the quick run' : 'API only (`site: false`)';

try {
  await withStack(false, async (stack) => {
    const { raw, doc } = createDynamoClients({ endpoint: stack.dynamoEndpoint, region: 'local' });
    try {
      const fixture = await prepareCatalogue(doc, stack.tableName, extraProducts);
      log(`API table ready: ${fixture.productCount} products`);
      const capacity = await measureCapacity(doc, stack.tableName, stack.stripeUrl, fixture);
      await part('DynamoDB', async () => capacitySection(capacity));
      await part('API', async () => {
        const bare = await startBareServer({ dynamoEndpoint: stack.dynamoEndpoint, tableName: stack.tableName, listingQuery: capacity.listingQuery, stockProductId: fixture.stockProductId });
        try {
          const carts = await createCarts(stack.url, quick ? 30 : 100);
          const checkoutCarts = await createCarts(stack.url, settings.checkouts, { productId: fixture.stockProductId, quantity: 1 });
          return apiSection(await measureApi(fixture, { oursUrl: stack.url, bareUrl: bare.url, carts, checkoutCarts }, settings, log), apiStackNote);
        } finally {
          await bare.close();
        }
      });
    } finally {
      raw.destroy();
    }
    // The site's own tables go into this stack's DynamoDB Local: one Java process fewer to start.
    await part('Site', async () => siteSection(await measureSite(plan.siteSizes, stack.dynamoEndpoint, log)));
  });
} catch (error) {
  failures.push(`API stack: ${error instanceof Error ? error.message : String(error)}`);
}

await part('Lighthouse', () => withStack(true, async (stack) => lighthouseSection(await measureLighthouse(stack.url, plan.lighthousePages, plan.lighthouseRuns, log))));
if (shared && !(shared instanceof Error)) await shared.stop();

const loadAfter = loadAverage();
const host = machine();
const busy = Math.max(loadBefore, loadAfter) > host.cores;
const header = [
  '# Benchmarks',
  '',
  `Written by \`${quick ? 'BENCH_QUICK=1 ' : ''}npm run bench\` (tests/bench/run.ts): every number below was measured in one run, ` +
    'ours next to a bare floor where there is one. Ratios are the point, not absolute numbers: DynamoDB Local is not DynamoDB, ' +
    'this machine is not Lambda on Graviton, and Lighthouse on localhost has no network latency. README.md, "Benchmarks", says more.',
  '',
  `- **Machine:** ${host.cores} × ${host.cpu}, ${host.memory} RAM, ${host.platform}, Node ${host.node}`,
  `- **Date:** ${new Date().toISOString()}`,
  `- **Commit:** ${gitCommit(ROOT)}`,
  `- **Rerun:** \`${quick ? 'BENCH_QUICK=1 ' : ''}npm run bench\` (${quick ? 'the quick run: small catalogue, short runs; ' : ''}about ${Math.round((performance.now() - started) / 60_000)} min here)`,
  `- **Load average (1 min):** ${loadBefore.toFixed(1)} at the start, ${loadAfter.toFixed(1)} at the end`,
  `- **Notes:** ${busy ? `the machine was busy with other work (load average above its ${host.cores} cores), so absolute numbers are on the slow side; ratios measured side by side hold better.` : 'the machine was otherwise quiet.'}${failures.length ? ` Not measured: ${failures.join('; ')}.` : ''}`,
];
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${[header.join('\n'), ...sections].join('\n\n')}\n`);
log(`Wrote ${out}`);
if (failures.length) {
  console.error(`Some parts failed:\n${failures.join('\n')}`);
  process.exitCode = 1;
}
