import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BARE_ROUTES } from './bare-server.js';
import type { ApiFixture } from './api-fixture.js';
import type { LoadResult, LoadSpec } from './load-client.js';
import { ms, ratio, table } from './report.js';
import { checkoutBody } from './shopper.js';

/**
 * The API under autocannon, ours (the local stack: the same Hono apps and adapters as the Lambdas)
 * and the bare floor (bare-server.ts) case by case, one after the other in the same run, on the same
 * DynamoDB Local and table. autocannon runs in a process of its own (load-client.ts).
 */

export interface LoadSettings {
  /** Seconds per read and cart case, per side. */
  readonly seconds: number;
  /** Checkouts per side: each needs a cart of its own, made beforehand. */
  readonly checkouts: number;
  readonly connections: number;
  /** Seconds of unmeasured load before each timed read or cart run, per side (JIT, connection pools). */
  readonly warmupSeconds: number;
}

/** One side of a case. `failures`: answers other than 2xx, connection errors and timeouts; a case with any is not a fair measurement. */
export type Side = LoadResult;

export interface ApiCase {
  readonly name: string;
  readonly ours: Side;
  readonly bare: Side;
}

export interface ApiResult {
  readonly settings: LoadSettings;
  readonly cases: readonly ApiCase[];
  readonly fixture: ApiFixture;
}

const LOAD_CLIENT = fileURLToPath(new URL('./load-client.ts', import.meta.url));

/** Runs load-client.ts in a fresh node (with tsx) on the spec and reads its result. */
function load(spec: LoadSpec, work: string): Promise<Side> {
  const file = join(work, `spec-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(spec));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', LOAD_CLIENT, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as Side) : reject(new Error(`load client failed (${code}): ${err.slice(-500)}`))));
  });
}

export interface ApiTargets {
  readonly oursUrl: string;
  readonly bareUrl: string;
  /** Carts for the cart case (ours; the bare server writes carts of its own). */
  readonly carts: readonly string[];
  /** One cart per checkout, each holding one unit of the stocked product. */
  readonly checkoutCarts: readonly string[];
}

export async function measureApi(fixture: ApiFixture, targets: ApiTargets, settings: LoadSettings, log: (line: string) => void): Promise<ApiResult> {
  const work = mkdtempSync(join(tmpdir(), 'sco-bench-load-'));
  const cases: ApiCase[] = [];
  const timed = (url: string, requests: LoadSpec['requests']): LoadSpec => ({ url, connections: settings.connections, seconds: settings.seconds, warmupSeconds: settings.warmupSeconds, requests });
  const counted = (url: string, requests: LoadSpec['requests']): LoadSpec => ({ url, connections: settings.connections, amount: requests.length, warmupSeconds: 0, requests });
  const run = async (name: string, ours: LoadSpec, bare: LoadSpec) => {
    const side = { ours: await load(ours, work), bare: await load(bare, work) };
    cases.push({ name, ...side });
    log(`api ${name}: ours ${side.ours.reqPerSec.toFixed(0)} req/s, bare ${side.bare.reqPerSec.toFixed(0)} req/s`);
  };
  const { oursUrl, bareUrl } = targets;
  try {
    await run(
      'GET product',
      timed(oursUrl, fixture.productIds.map((id) => ({ method: 'GET', path: `/api/products/${id}` }))),
      timed(bareUrl, fixture.productIds.map((id) => ({ method: 'GET', path: `/products/${id}` }))),
    );

    const { pavilion, category } = fixture.listing;
    await run(
      `filtered listing (${pavilion}, ${category})`,
      timed(oursUrl, [{ method: 'GET', path: `/api/products?pavilion=${pavilion}&category=${category}` }]),
      timed(bareUrl, [{ method: 'GET', path: '/listing' }]),
    );

    // Each cart in turn, its quantity going 1, 2, 3, so every PUT changes the cart it writes.
    const cartLines = (prefix: string) =>
      [1, 2, 3].flatMap((quantity) => targets.carts.map((cart) => ({ method: 'PUT', path: `${prefix}${cart}/lines/${fixture.stockProductId}`, body: JSON.stringify({ quantity }) })));
    await run('cart line PUT', timed(oursUrl, cartLines('/api/carts/')), timed(bareUrl, cartLines('/carts/')));

    await run(
      'checkout',
      counted(oursUrl, targets.checkoutCarts.map((cartId) => ({ method: 'POST', path: '/api/checkout', body: JSON.stringify(checkoutBody(cartId)) }))),
      counted(bareUrl, targets.checkoutCarts.map((cartId) => ({ method: 'POST', path: '/checkout', body: JSON.stringify({ cartId }) }))),
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return { settings, cases, fixture };
}

const perSec = (value: number) => value.toFixed(value < 100 ? 1 : 0);

/** `stackNote`: how the local stack was started (API only, or with the site). */
export function apiSection(result: ApiResult, stackNote: string): string {
  const bareNote = BARE_ROUTES;
  const rows = result.cases.map((row) => [
    row.name,
    perSec(row.ours.reqPerSec),
    perSec(row.bare.reqPerSec),
    ratio(row.ours.reqPerSec, row.bare.reqPerSec),
    ms(row.ours.p50),
    ms(row.bare.p50),
    ratio(row.ours.p50, row.bare.p50),
    ms(row.ours.p99),
    ms(row.bare.p99),
    ratio(row.ours.p99, row.bare.p99),
    `${row.ours.requests} / ${row.bare.requests}`,
    `${row.ours.failures} / ${row.bare.failures}`,
  ]);
  const { settings, fixture } = result;
  return [
    '## API: ours against a bare Hono + DynamoDB server',
    '',
    `autocannon (${settings.connections} connections) against the local stack (\`startLocalStack\`, ${stackNote}; its DynamoDB Local ` +
      `seeded and grown to ${fixture.productCount} products) and against a bare Hono app on @hono/node-server with the DynamoDB ` +
      `document client on the same table (tests/bench/bare-server.ts). Reads and cart lines run ${settings.seconds} s per side; ` +
      `checkout runs ${settings.checkouts} requests per side, each on a fresh cart (made beforehand through the API) with a new ` +
      'email and ID number. Both servers share one Node process (the bench\'s); autocannon runs in another, started per run. ' +
      'Ratios are ours ÷ bare: above 1× means ours has more req/s, or is slower in latency.',
    '',
    'What the bare server does for each case:',
    '',
    `- GET product: ${bareNote.product}.`,
    `- filtered listing: ${bareNote.listing}.`,
    `- cart line PUT: ${bareNote.cartLine}.`,
    `- checkout: ${bareNote.checkout}.`,
    '',
    table(['case', 'ours req/s', 'bare req/s', 'req/s ratio', 'ours p50', 'bare p50', 'p50 ratio', 'ours p99', 'bare p99', 'p99 ratio', 'requests (ours / bare)', 'non-2xx or errors (ours / bare)'], rows),
  ].join('\n');
}
