import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');

/**
 * Runs `astro build` for site/ in a child process (a fresh Vite each time, so repeated
 * rebuilds by the local server never leak memory), reading the catalogue from `snapshotPath`.
 */
export function buildSite(options: { snapshotPath: string; outDir: string; quiet?: boolean; signal?: AbortSignal }): Promise<void> {
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
        env: { ...process.env, CATALOGUE_SNAPSHOT: resolve(options.snapshotPath), ASTRO_TELEMETRY_DISABLED: '1' },
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
