import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BARE_HANDLER_ENTRY, bundleLambda, LAMBDA_ENTRIES, type LambdaBundle } from '../../infra/constructs/bundling.js';
import { kb, median, ms, ratio, table } from './report.js';

/**
 * Each deployed function next to the floor (BARE_HANDLER_ENTRY: a bare Hono app on hono/aws-lambda
 * with the DynamoDB document client), bundled by the same esbuild settings as the deployment
 * (infra/constructs/bundling.ts): bytes, gzipped bytes and the CPU time of a cold module init.
 */

/** What the stacks set on the functions, with made-up values: enough for every handler's init to pass its checks. */
const LAMBDA_ENV: Record<string, string> = {
  TABLE_NAME: 'sco-bazaar-bench',
  AWS_REGION: 'ap-east-1',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  PUBLIC_BASE_URL: 'https://bazaar.example',
  STRIPE_SECRET_ARN: 'arn:aws:secretsmanager:ap-east-1:111111111111:secret:stripe',
  AUTH_ISSUER: 'https://cognito-idp.ap-east-1.amazonaws.com/ap-east-1_bench',
  AUTH_AUDIENCE: 'bench',
  AUTH_SIGN_IN_URL: 'https://auth.bazaar.example/login',
  AUTH_SIGN_OUT_URL: 'https://auth.bazaar.example/logout',
  AUTH_OPERATOR_SIGN_IN_URL: 'https://auth.bazaar.example/login',
  AUTH_OPERATOR_SIGN_OUT_URL: 'https://auth.bazaar.example/logout',
  IMAGES_BUCKET: 'bench-images',
  IDENTITY_KMS_KEY_ARN: 'arn:aws:kms:ap-east-1:111111111111:key/bench',
  IDENTITY_HASH_SECRET_ARN: 'arn:aws:secretsmanager:ap-east-1:111111111111:secret:hash',
  SHOPPER_LOOKUP_SECRET_ARN: 'arn:aws:secretsmanager:ap-east-1:111111111111:secret:lookup',
  MANAGER_POOL_ID: 'ap-east-1_bench',
  MAIL_FROM: 'orders@bazaar.example',
  MAIL_CONFIGURATION_SET: 'bench',
  SITE_BUILD_PROJECT: 'bench',
  POWERTOOLS_SERVICE_NAME: 'bench',
  POWERTOOLS_METRICS_NAMESPACE: 'ScoBazaar',
  POWERTOOLS_LOG_LEVEL: 'INFO',
};

/** Imports the bundle named on the command line and prints the CPU time (user + system) the import took. */
const INIT_PROBE = `
const before = process.cpuUsage();
await import(process.argv[2]);
const used = process.cpuUsage(before);
process.stdout.write(JSON.stringify({ cpuMs: (used.user + used.system) / 1000 }));
`;

/** One cold init: a fresh node process (nothing cached, no tsx, no inherited NODE_OPTIONS) that imports the bundle once. */
function coldInitCpuMs(probe: string, bundle: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [probe, pathToFileURL(bundle).href], {
      env: { PATH: process.env.PATH ?? '', NODE_OPTIONS: '', ...LAMBDA_ENV },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`init of ${bundle} failed (${code}): ${err.split('\n').find((line) => /Error/.test(line))?.slice(0, 300) ?? err.slice(-300)}`));
      resolve((JSON.parse(out) as { cpuMs: number }).cpuMs);
    });
  });
}

export interface LambdaRow {
  readonly name: string;
  readonly bundle: LambdaBundle;
  readonly initCpuMs: number;
  /** The bare handler's median over the same alternated pairs. */
  readonly bareInitCpuMs: number;
}

export interface LambdaResult {
  readonly bare: LambdaBundle;
  readonly rows: readonly LambdaRow[];
  readonly pairs: number;
}

/** Bundles every function and the bare handler, then times `pairs` cold inits of each, alternating ours and the bare one. */
export async function measureLambdas(pairs: number, log: (line: string) => void): Promise<LambdaResult> {
  const work = mkdtempSync(join(tmpdir(), 'sco-bench-lambda-'));
  try {
    const probe = join(work, 'init-probe.mjs');
    writeFileSync(probe, INIT_PROBE);
    // Bundled all at once (esbuild builds in parallel), timed one at a time.
    const [bare, ...bundles] = await Promise.all([
      bundleLambda(BARE_HANDLER_ENTRY, join(work, 'bare')),
      ...LAMBDA_ENTRIES.map(({ name, entry }) => bundleLambda(entry, join(work, name))),
    ]);
    const rows: LambdaRow[] = [];
    for (const [index, { name }] of LAMBDA_ENTRIES.entries()) {
      const bundle = bundles[index]!;
      const ours: number[] = [];
      const floor: number[] = [];
      // Alternated, so a busy moment of the machine lands on both sides alike.
      for (let pair = 0; pair < pairs; pair++) {
        ours.push(await coldInitCpuMs(probe, bundle.file));
        floor.push(await coldInitCpuMs(probe, bare.file));
      }
      rows.push({ name, bundle, initCpuMs: median(ours), bareInitCpuMs: median(floor) });
      log(`lambda ${name}: ${kb(bundle.bytes)}, init ${ms(median(ours))} (bare ${ms(median(floor))})`);
    }
    return { bare: bare!, rows, pairs };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export function lambdaSection(result: LambdaResult): string {
  const rows = result.rows.map((row) => [
    row.name,
    kb(row.bundle.bytes),
    kb(row.bundle.gzipBytes),
    ratio(row.bundle.bytes, result.bare.bytes),
    ratio(row.bundle.gzipBytes, result.bare.gzipBytes),
    ms(row.initCpuMs),
    ms(row.bareInitCpuMs),
    ratio(row.initCpuMs, row.bareInitCpuMs),
  ]);
  return [
    '## Lambda: bundle size and cold module init',
    '',
    `Every function bundled with the deployment's esbuild settings (infra/constructs/bundling.ts), next to the bare handler ` +
      `(\`${BARE_HANDLER_ENTRY}\`: Hono on hono/aws-lambda and one GetItem with the document client): ` +
      `${kb(result.bare.bytes)} raw, ${kb(result.bare.gzipBytes)} gzipped. Cold init is the CPU time (user + system, ` +
      '`process.cpuUsage()`) of importing the bundle in a fresh `node` with the environment the stacks set (made-up ARNs) and ' +
      'an empty NODE_OPTIONS (so without `--enable-source-maps`), ' +
      `median of ${result.pairs} alternated pairs (ours, bare); the bare column is the floor's median over the same pairs. ` +
      `Node ${process.version} here; Lambda runs Node 22 on arm64.`,
    '',
    table(['function', 'bundle', 'gzipped', 'bundle ratio', 'gzip ratio', 'cold init CPU', 'bare init CPU', 'init ratio'], rows),
  ].join('\n');
}
