import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { freePort } from '../../infra/local/free-port.js';

const dataDir = mkdtempSync(join(tmpdir(), 'sco-runner-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function processesMentioning(text: string): string[] {
  const lines = execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' }).split('\n');
  return lines.filter((line) => line.includes(text) && !line.includes('ps -eo'));
}

function startRunner(port: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/start.ts'], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, SITE_DIR: join(dataDir, 'site') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /open at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`runner exited early (${code}):\n${output}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, ready, exited, output: () => output };
}

it('serves the seeded store on one port, keeps its data across restarts and leaves no process behind on SIGINT or SIGTERM', async () => {
  const port = await freePort();
  const first = startRunner(port);
  const url = await first.ready;
  expect(url).toBe(`http://localhost:${port}`);

  const pavilions = (await (await fetch(`${url}/api/pavilions`)).json()) as { items: Array<{ code: string }> };
  expect(pavilions.items.map((p) => p.code)).toContain('KG');
  const kg = (await (await fetch(`${url}/api/products?pavilion=KG&category=honey`)).json()) as { items: unknown[] };
  expect(kg.items.length).toBeGreaterThan(0);
  // Exchange rates from the repository's file, counted as published today, so the store sells on any day.
  const rates = (await (await fetch(`${url}/api/rates`)).json()) as { asOf: string; source: string; fresh: boolean; rates: unknown[] };
  const today = new Date().toISOString().slice(0, 10);
  expect(rates).toMatchObject({ asOf: today, fresh: true, source: `file:functions/adapters/rates/default-rates.json (figures of 2025-11-28, loaded ${today})` });
  expect(rates.rates).toHaveLength(16);
  expect(first.output()).toContain('Exchange rates loaded from file:functions/adapters/rates/default-rates.json');
  const home = await fetch(`${url}/zh/`);
  expect(home.status).toBe(200);
  expect(await home.text()).toContain('<html');
  expect(processesMentioning(dataDir).length).toBeGreaterThan(0);

  first.child.kill('SIGINT');
  expect(await first.exited).toBe(0);
  expect(processesMentioning(dataDir)).toEqual([]);

  // Second start: the table is already there and seeded; it must not seed twice.
  const second = startRunner(port);
  await second.ready;
  expect(second.output()).not.toContain('Seeding');
  // Its rates are still fresh: kept, not loaded again (a `npm run rates` from the feed survives a restart).
  expect(second.output()).not.toContain('Exchange rates loaded');
  const again = (await (await fetch(`${url}/api/pavilions`)).json()) as { items: unknown[] };
  expect(again.items.length).toBe(pavilions.items.length);
  second.child.kill('SIGTERM');
  expect(await second.exited).toBe(0);
  expect(processesMentioning(dataDir)).toEqual([]);
}, 240_000);
