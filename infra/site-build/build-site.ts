import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');

/**
 * Runs `astro build` for site/ in a child process (a fresh Vite each time, so repeated
 * rebuilds by the local server never leak memory), reading the catalogue from `snapshotPath`.
 */
export function buildSite(options: { snapshotPath: string; outDir: string; quiet?: boolean }): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(
      process.execPath,
      [resolve(ROOT, 'node_modules/astro/astro.js'), 'build', '--root', resolve(ROOT, 'site'), '--outDir', resolve(options.outDir)],
      {
        cwd: ROOT,
        env: { ...process.env, CATALOGUE_SNAPSHOT: resolve(options.snapshotPath), ASTRO_TELEMETRY_DISABLED: '1' },
        stdio: options.quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      },
    );
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8000)));
    child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8000)));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolvePromise() : reject(new Error(`astro build failed (${code})\n${output}`))));
  });
}
