import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { writeOpenApiFile } from './openapi-file.js';
import { writeSearchIndex } from './search-index.js';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');

/**
 * Runs `astro build` for site/ in a child process (a fresh Vite each time, so repeated
 * rebuilds by the local server never leak memory), reading the catalogue from `snapshotPath`,
 * writes the API's OpenAPI document to `<outDir>/api/openapi.json` (openapi-file.ts), then indexes it
 * for search: the Pagefind bundle goes to `<outDir>/pagefind/` (search-index.ts).
 * `npm start`, `npm run build:site` and the republish build in AWS all build through here.
 */
export async function buildSite(options: SiteBuildOptions): Promise<SiteBuildTimes> {
  const started = performance.now();
  await astroBuild(options);
  await writeOpenApiFile(options.outDir);
  const built = performance.now();
  const { records } = await writeSearchIndex({ snapshotPath: options.snapshotPath, siteDir: options.outDir, ...(options.signal ? { signal: options.signal } : {}) });
  return { astroMs: built - started, searchIndexMs: performance.now() - built, searchRecords: records };
}

/** How long each step took (tests/bench/site.ts reports them). */
export interface SiteBuildTimes {
  readonly astroMs: number;
  readonly searchIndexMs: number;
  readonly searchRecords: number;
}

export interface SiteBuildOptions {
  readonly snapshotPath: string;
  readonly outDir: string;
  /**
   * The public origin (http://localhost:4321, https://shop.example.com): canonical, hreflang, Open
   * Graph and the sitemap are absolute from it (site/astro.config.mjs). Defaults to env SITE_URL.
   */
  readonly siteUrl?: string;
  readonly quiet?: boolean;
  readonly signal?: AbortSignal;
}

function astroBuild(options: SiteBuildOptions): Promise<void> {
  // Astro keeps its build scratch folder (.astro/) in the working directory when outDir lies
  // outside site/: a private one per build lets builds run side by side (tests, rebuilds).
  // It must sit inside the repo so the built pages still resolve packages from node_modules.
  const scratchRoot = join(ROOT, 'node_modules', '.cache', 'sco-astro');
  mkdirSync(scratchRoot, { recursive: true });
  const scratch = mkdtempSync(join(scratchRoot, 'build-'));
  return new Promise<void>((resolvePromise, reject) => {
    const child = spawn(
      process.execPath,
      [resolve(ROOT, 'node_modules/astro/astro.js'), 'build', '--root', resolve(ROOT, 'site'), '--outDir', resolve(options.outDir)],
      {
        cwd: scratch,
        env: {
          ...process.env,
          CATALOGUE_SNAPSHOT: resolve(options.snapshotPath),
          ASTRO_TELEMETRY_DISABLED: '1',
          ...(options.siteUrl ? { SITE_URL: options.siteUrl } : {}),
        },
        stdio: options.quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
        // Stopping the local store must not leave a build running behind it.
        ...(options.signal ? { signal: options.signal, killSignal: 'SIGKILL' as const } : {}),
      },
    );
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8000)));
    child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8000)));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolvePromise() : reject(new Error(`astro build failed (${code})\n${output}`))));
  }).finally(() => rmSync(scratch, { recursive: true, force: true }));
}
