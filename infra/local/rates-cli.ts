import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createDynamoClients } from '../../functions/adapters/dynamodb/client.js';
import { DynamoRateStore } from '../../functions/adapters/dynamodb/rate-store.js';
import { CBR_DAILY_URL, CbrDailyRateSource } from '../../functions/adapters/rates/cbr-daily.js';
import { DEFAULT_RATES_FILE, FileRateSource } from '../../functions/adapters/rates/file-rate-source.js';
import { currenciesBySource, rateFreshness, type RateSnapshot } from '../../functions/domain/exchange-rates.js';
import { readConfig } from '../../functions/config.js';
import { RateSourceError } from '../../functions/ports/rate-source.js';
import type { Telemetry } from '../../functions/ports/telemetry.js';
import { describeSources, loadRatesFile, refreshRates } from '../../functions/usecases/exchange-rates.js';

/**
 * `npm run rates`: refreshes the stored exchange rates from the Bank of Russia's daily feed (what it
 * does not quote from the rates file), as the daily schedule does in AWS. When the feed cannot be
 * reached it says so, leaves the stored rates as they are and exits with 1.
 *   npm run rates -- --file my-rates.json   loads a rates file instead (an operator's override)
 *   npm run rates -- --show                 prints the stored rates
 * Locally it finds the running store's DynamoDB Local in .data/ (start it with `npm start`); with
 * TABLE_NAME (and AWS credentials) it works on a table in AWS. RATES_FEED_URL reads the feed elsewhere (a mirror).
 */
const args = process.argv.slice(2);
const filePath = args[0] === '--file' ? args[1] : undefined;
const valid = args.length === 0 || (args.length === 1 && args[0] === '--show') || (args.length === 2 && filePath);
if (!valid) {
  console.error('Usage: npm run rates [-- --file <rates.json> | -- --show]');
  process.exit(2);
}

const localEndpointFile = resolve(process.env.DATA_DIR ?? '.data', 'dynamodb-endpoint');
const endpoint =
  process.env.DYNAMODB_ENDPOINT ?? (process.env.TABLE_NAME || !existsSync(localEndpointFile) ? undefined : readFileSync(localEndpointFile, 'utf8').trim());
if (!process.env.TABLE_NAME && !endpoint) {
  console.error('No table to write to: start the store (npm start) or set TABLE_NAME (and DYNAMODB_ENDPOINT for a local table).');
  process.exit(1);
}
const tableName = process.env.TABLE_NAME ?? 'sco-bazaar';
const { doc, raw } = createDynamoClients({ endpoint, region: process.env.AWS_REGION ?? 'local' });
const rateStore = new DynamoRateStore(doc, tableName);
const clock = { now: () => new Date() };
const config = readConfig({ ...process.env, TABLE_NAME: tableName });
const maxAgeHours = config.RATES_MAX_AGE_HOURS;
const feedUrl = config.RATES_FEED_URL ?? CBR_DAILY_URL;

const quiet: Telemetry = { info: () => undefined, warn: () => undefined, error: () => undefined, count: () => undefined };

function describe(snapshot: RateSnapshot | null): string {
  if (!snapshot) return 'no rates are stored.';
  const freshness = rateFreshness(snapshot, clock.now(), maxAgeHours);
  const state = freshness.fresh ? `checkout charges at them until ${freshness.freshUntil}` : `stale: checkout does not charge at them (older than ${maxAgeHours} h)`;
  return `rates of ${snapshot.asOf}, loaded ${snapshot.loadedAt}; ${state}.\n  ${describeSources(currenciesBySource(snapshot)).replaceAll('; ', '\n  ')}`;
}

try {
  if (args.includes('--show')) {
    console.log(`Stored: ${describe(await rateStore.current())}`);
  } else if (filePath) {
    const snapshot = await loadRatesFile({ rateStore, clock, file: FileRateSource.fromPath(resolve(filePath), filePath) });
    console.log(`Loaded ${filePath}: ${describe(snapshot)}`);
  } else {
    const report = await refreshRates({
      rateStore,
      clock,
      telemetry: quiet,
      feed: new CbrDailyRateSource({ url: feedUrl }),
      gaps: FileRateSource.fromPath(resolve(DEFAULT_RATES_FILE), DEFAULT_RATES_FILE),
    });
    console.log(`Refreshed from ${feedUrl}: ${describe(await rateStore.current())}`);
    const fromFile = Object.entries(report.bySource).filter(([source]) => source.startsWith('file:'));
    if (fromFile.length) console.log(`The feed does not quote ${fromFile.flatMap(([, currencies]) => currencies).join(', ')}: taken from ${DEFAULT_RATES_FILE}.`);
  }
} catch (error) {
  // Unreachable feed (no network, refused), a document that is not the rates, a file with a mistake: nothing was stored.
  const what = error instanceof RateSourceError ? error.message : `${(error as Error).name}: ${(error as Error).message}`;
  console.error(`Not refreshed: ${what}`);
  console.error(`The stored rates are unchanged: ${describe(await rateStore.current().catch(() => null))}`);
  process.exitCode = 1;
} finally {
  raw.destroy();
}
