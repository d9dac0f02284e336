import {
  currenciesBySource,
  decimalText,
  feedDateProblem,
  parseRatioText,
  rateBook,
  rateFreshness,
  RATES_FRESH_FOR_HOURS,
  snapshotOf,
  type RateFor,
  type RateFreshness,
  type RateSnapshot,
} from '../domain/exchange-rates.js';
import { CURRENCIES, type CurrencyCode, type ExchangeRate } from '../domain/money.js';
import type { Clock } from '../ports/clock.js';
import type { RateSource } from '../ports/rate-source.js';
import type { RateStore } from '../ports/rate-store.js';
import type { Telemetry } from '../ports/telemetry.js';

export interface RateDeps {
  readonly rateStore: RateStore;
  readonly clock: Clock;
  /** How long loaded rates may be charged at (functions/config.ts RATES_MAX_AGE_HOURS); 48 h by default. */
  readonly rateMaxAgeHours?: number;
}

/** No rates have ever been loaded, and a conversion needs one. */
export class NoRatesError extends Error {
  constructor() {
    super('No exchange rates have been loaded');
    this.name = 'NoRatesError';
  }
}

/** The stored rates as a cart or checkout uses them: read once per request. */
export interface CurrentRates {
  readonly snapshot: RateSnapshot | null;
  readonly freshness: RateFreshness;
  /** Converts at the stored snapshot, fresh or not (the caller decides what a stale one may do); NoRatesError when there is none. */
  readonly rateFor: RateFor;
}

export async function currentRates(deps: RateDeps): Promise<CurrentRates> {
  const snapshot = await deps.rateStore.current();
  const freshness = rateFreshness(snapshot, deps.clock.now(), deps.rateMaxAgeHours ?? RATES_FRESH_FOR_HOURS);
  if (!snapshot) {
    return {
      snapshot,
      freshness,
      rateFor: () => {
        throw new NoRatesError();
      },
    };
  }
  return { snapshot, freshness, rateFor: rateBook(snapshot).rateFor };
}

/** One currency's rate as GET /api/rates answers it: an ExchangeRate to CNY with its source and a decimal to show. */
export interface RateView extends ExchangeRate {
  readonly currency: CurrencyCode;
  /** Yuan per one unit, rounded to 6 significant digits: for display only. */
  readonly yuanPerUnit: string;
  readonly source: string;
}

/** The stored rates for shoppers (GET /api/rates) and for the site build. */
export interface RatesView {
  readonly asOf: string;
  readonly source: string;
  readonly loadedAt: string;
  /** Whether checkout charges at these rates now (false: the cart shows figures it will not take). */
  readonly fresh: boolean;
  /** When they stop being charged at, unless a refresh comes first. */
  readonly freshUntil: string;
  readonly maxAgeHours: number;
  readonly rates: RateView[];
}

export function ratesView(snapshot: RateSnapshot, freshness: RateFreshness): RatesView {
  const book = rateBook(snapshot);
  return {
    asOf: snapshot.asOf,
    source: snapshot.source,
    loadedAt: snapshot.loadedAt,
    fresh: freshness.fresh,
    freshUntil: new Date(Date.parse(snapshot.loadedAt) + freshness.maxAgeHours * 3_600_000).toISOString(),
    maxAgeHours: freshness.maxAgeHours,
    rates: snapshot.rates.map((rate) => ({
      currency: rate.currency,
      ...book.rateFor(rate.currency, 'CNY'),
      source: rate.source,
      yuanPerUnit: decimalText(parseRatioText(rate.yuanPerUnit)),
    })),
  };
}

/** GET /api/rates: the stored rates, or NoRatesError when none were ever loaded. */
export async function ratesToShow(deps: RateDeps): Promise<RatesView> {
  const { snapshot, freshness } = await currentRates(deps);
  if (!snapshot) throw new NoRatesError();
  return ratesView(snapshot, freshness);
}

export interface RefreshDeps {
  readonly rateStore: RateStore;
  readonly clock: Clock;
  readonly telemetry: Telemetry;
  /** The official daily feed. */
  readonly feed: RateSource;
  /** Fills the currencies the feed does not quote (the rates file), each labelled with its source. */
  readonly gaps: RateSource;
}

export interface RefreshReport {
  readonly asOf: string;
  readonly source: string;
  readonly loadedAt: string;
  /** Which currencies came from which source. */
  readonly bySource: Record<string, CurrencyCode[]>;
}

/**
 * Reads the feed, fills what it lacks from the file, and stores the snapshot: what the daily
 * schedule runs in AWS and `npm run rates` runs locally. Every successful run restarts the freshness
 * clock, even when the publisher's date has not changed (a weekend: the publisher confirms its rates
 * are the ones in force). A feed that cannot be read, or that stopped publishing, throws and leaves
 * the stored rates as they were: they age out after RATES_FRESH_FOR_HOURS and checkout stops charging.
 */
export async function refreshRates(deps: RefreshDeps): Promise<RefreshReport> {
  const now = deps.clock.now();
  try {
    const published = await deps.feed.read(now);
    const stalled = feedDateProblem(published.asOf, now);
    if (stalled) throw new Error(`${deps.feed.name}: ${stalled}`);
    const covered = new Set(published.rates.map((rate) => rate.currency));
    const gaps = CURRENCIES.some((currency) => !covered.has(currency)) ? await deps.gaps.read(now) : null;
    const snapshot = snapshotOf(published, gaps, now.toISOString());
    await deps.rateStore.save(snapshot);
    const report = { asOf: snapshot.asOf, source: snapshot.source, loadedAt: snapshot.loadedAt, bySource: currenciesBySource(snapshot) };
    deps.telemetry.info('exchange rates refreshed', { asOf: report.asOf, source: report.source, currencies: describeSources(report.bySource) });
    deps.telemetry.count('RatesRefreshed');
    return report;
  } catch (error) {
    deps.telemetry.error('exchange rates refresh failed; the stored rates are unchanged', { error: (error as Error).name, detail: (error as Error).message });
    throw error;
  }
}

/** Loads a rates file as the whole snapshot (`npm start`'s default, an operator's override). It must give every currency. */
export async function loadRatesFile(deps: Pick<RefreshDeps, 'rateStore' | 'clock'> & { readonly file: RateSource }): Promise<RateSnapshot> {
  const now = deps.clock.now();
  const snapshot = snapshotOf(await deps.file.read(now), null, now.toISOString());
  await deps.rateStore.save(snapshot);
  return snapshot;
}

/**
 * `npm start`: loads the rates file unless the stored rates are still fresh (a `npm run rates` from
 * the feed survives a restart; a store started next month gets the file again, and sells).
 */
export async function seedRatesIfStale(deps: RateDeps & { readonly file: RateSource }): Promise<{ readonly loaded: boolean; readonly snapshot: RateSnapshot }> {
  const { snapshot, freshness } = await currentRates(deps);
  if (snapshot && freshness.fresh) return { loaded: false, snapshot };
  return { loaded: true, snapshot: await loadRatesFile(deps) };
}

/** "Bank of Russia (cbr.ru XML_daily): CNY KZT …; file:…: AFN PKR", one log field. */
export function describeSources(bySource: Record<string, CurrencyCode[]>): string {
  return Object.entries(bySource)
    .map(([source, currencies]) => `${source}: ${currencies.join(' ')}`)
    .join('; ');
}
