import { serve, type ServerType } from '@hono/node-server';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoRateStore } from '../../functions/adapters/dynamodb/rate-store.js';
import { CBR_SOURCE } from '../../functions/adapters/rates/cbr-daily.js';
import { freePort } from '../../infra/local/free-port.js';
import { fileRatesSnapshot } from '../fixtures/rates.js';
import { createTestTable } from '../support/table.js';

/**
 * `npm run rates` as a developer runs it, against a table on DynamoDB Local. No network: a local
 * server answers with the Bank of Russia's recorded document (tests/fixtures/rates), and a closed
 * port stands for a feed that cannot be reached.
 */
const run = promisify(execFile);
/** The recorded document of 13.12.2025, redated today: a refresh refuses rates older than 15 days (a stopped feed). */
const today = new Date().toISOString().slice(0, 10);
const TODAYS = readFileSync(new URL('../fixtures/rates/cbr-xml-daily-eng-2025-12-13.xml', import.meta.url))
  .toString('latin1')
  .replace('Date="13.12.2025"', `Date="${today.split('-').reverse().join('.')}"`);

let table: Awaited<ReturnType<typeof createTestTable>>;
let store: DynamoRateStore;
let feed: ServerType;
let feedUrl: string;
const dir = mkdtempSync(join(tmpdir(), 'rates-cli-'));

beforeAll(async () => {
  table = await createTestTable('rates-cli');
  store = new DynamoRateStore(table.doc, table.tableName);
  const port = await freePort();
  feedUrl = `http://127.0.0.1:${port}/scripts/XML_daily.asp`;
  feed = await new Promise<ServerType>((resolve) => {
    const started = serve({ fetch: () => new Response(TODAYS, { headers: { 'content-type': 'application/xml' } }), port, hostname: '127.0.0.1' }, () => resolve(started));
  });
});
afterAll(() => {
  feed?.close();
  table?.raw.destroy();
  rmSync(dir, { recursive: true, force: true });
});

async function rates(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'infra/local/rates-cli.ts', ...args], {
      env: { ...process.env, TABLE_NAME: table.tableName, DYNAMODB_ENDPOINT: table.endpoint, AWS_REGION: 'local', ...env },
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

describe('npm run rates', () => {
  it('says clearly when the feed cannot be reached, and leaves the stored rates as they were', async () => {
    const before = fileRatesSnapshot(new Date());
    await store.save(before);
    const closed = `http://127.0.0.1:${await freePort()}/scripts/XML_daily.asp`;
    const { code, output } = await rates([], { RATES_FEED_URL: closed });
    expect(code).toBe(1);
    expect(output).toContain(`Not refreshed: ${CBR_SOURCE}: ${closed} is not reachable (ECONNREFUSED)`);
    expect(output).toMatch(/The stored rates are unchanged: rates of \d{4}-\d{2}-\d{2}, loaded .*; checkout charges at them until/);
    expect(await store.current()).toEqual(before);
  }, 60_000);

  it('refreshes from the feed (what it lacks from the rates file), and shows what it stored', async () => {
    const { code, output } = await rates([], { RATES_FEED_URL: feedUrl });
    expect(code).toBe(0);
    expect(output).toContain(`Refreshed from ${feedUrl}: rates of ${today}`);
    expect(output).toContain('The feed does not quote PKR, AFN: taken from functions/adapters/rates/default-rates.json.');
    const stored = await store.current();
    expect(stored).toMatchObject({ asOf: today, source: CBR_SOURCE });
    // 100 KGS = 91.1716 RUB, 1 CNY = 11.2726 RUB: 227929/2818150 yuan per som, exactly.
    expect(stored?.rates.find((rate) => rate.currency === 'KGS')?.yuanPerUnit).toBe('227929/2818150');
  }, 60_000);

  it('loads an operator’s file over the stored rates, and prints them with --show', async () => {
    const override = join(dir, 'override.json');
    const figures = JSON.parse(readFileSync('functions/adapters/rates/default-rates.json', 'utf8')) as { yuanPerUnit: Record<string, string> };
    writeFileSync(override, JSON.stringify({ asOf: '2026-11-29', yuanPerUnit: { ...figures.yuanPerUnit, KGS: '0.0799' } }));
    const loaded = await rates(['--file', override]);
    expect(loaded.code).toBe(0);
    expect(loaded.output).toContain(`Loaded ${override}: rates of`);
    expect((await store.current())?.rates.find((rate) => rate.currency === 'KGS')).toMatchObject({ yuanPerUnit: '799/10000', source: expect.stringContaining(`file:${override} (figures of 2026-11-29, loaded `) });
    const shown = await rates(['--show']);
    expect(shown.output).toContain(`file:${override} (figures of 2026-11-29`);
    expect((await rates(['--nonsense'])).code).toBe(2);
  }, 60_000);
});
