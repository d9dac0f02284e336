import { CbrDailyRateSource } from '../adapters/rates/cbr-daily.js';
import { FileRateSource } from '../adapters/rates/file-rate-source.js';
import { readConfig } from '../config.js';
import { refreshRates, type RefreshReport } from '../usecases/exchange-rates.js';
import { wireCatalogueDeps } from './wire-catalogue.js';
import { wireBase } from './wire-common.js';
import { loggingFailures } from './log-failures.js';

const config = readConfig();
const deps = wireCatalogueDeps(wireBase(config));

/**
 * Runs on a daily schedule (infra/constructs/rates-refresh.ts): the Bank of Russia's rates, with
 * what it does not quote from the bundled rates file, into the table. A failure throws: the run is
 * retried, then parked in the failures queue, and alarmed on; the stored rates stay as they were.
 */
export const handler = loggingFailures(async function invoke(): Promise<RefreshReport> {
  const { rateStore, clock, telemetry } = deps;
  return refreshRates({ rateStore, clock, telemetry, feed: new CbrDailyRateSource(config.RATES_FEED_URL ? { url: config.RATES_FEED_URL } : {}), gaps: FileRateSource.bundledDefault() });
});
