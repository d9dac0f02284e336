import { CURRENCIES, isCurrency, minorUnitExponent, type CurrencyCode, type ExchangeRate } from './money.js';

/**
 * Exchange rates: what a publisher says, what the store keeps, what checkout may charge at.
 *
 * Every rate is held against the yuan (every order ships to China) as an exact fraction: how many
 * yuan one unit of a currency buys. A rate between two other currencies is derived from their two
 * yuan rates exactly (BigInt, reduced), and a conversion rounds half-up once (money.ts convertExact).
 * No float ever touches a rate.
 */

/** An exact positive fraction. */
export interface Ratio {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

/** One currency's rate against the yuan. */
export interface CnyRate {
  readonly currency: CurrencyCode;
  /** Yuan per one unit (major unit) of the currency, exact: "numerator/denominator" (ratioText). */
  readonly yuanPerUnit: string;
  /** The publisher's date for this figure; a file's figures count as published when they are loaded. */
  readonly asOf: string;
  /** Where the figure comes from. */
  readonly source: string;
}

/** Rates as one source gives them (ports/rate-source.ts): the currencies it covers, against the yuan. */
export interface PublishedRates {
  /** The publisher's date (YYYY-MM-DD), or the day a file was loaded. */
  readonly asOf: string;
  readonly source: string;
  readonly rates: readonly CnyRate[];
}

/** The rates the store converts with: one for every currency in CURRENCIES, and when they were loaded. */
export interface RateSnapshot extends PublishedRates {
  /** When they were read from their publisher (or loaded from a file): the freshness clock starts here. */
  readonly loadedAt: string;
}

/**
 * How long after loading a snapshot checkout may still charge with it. Official publishers issue no
 * rates on weekends and holidays (the Bank of Russia's Friday rates are in force until Tuesday), so
 * the clock runs from the last time the publisher was read and confirmed the rates as current, not
 * from the publisher's date: a daily refresh may fail once and the store still sells; twice, and it stops.
 */
export const RATES_FRESH_FOR_HOURS = 48;

/**
 * A feed whose newest rates are older than this has stopped publishing: a refresh refuses it. The
 * longest official gap in the region is Russia's New Year holiday (about 12 days without new rates).
 */
export const FEED_STALLED_AFTER_DAYS = 15;

/** A feed may date its rates ahead: the Bank of Russia dates the rates it sets today for tomorrow (after a Friday, Saturday). */
export const FEED_DATED_AHEAD_DAYS = 3;

export function ratio(numerator: bigint, denominator: bigint): Ratio {
  if (denominator <= 0n || numerator < 0n) throw new RangeError(`Not a positive fraction: ${numerator}/${denominator}`);
  const divisor = gcd(numerator, denominator);
  return { numerator: numerator / divisor, denominator: denominator / divisor };
}

export function divideRatios(a: Ratio, b: Ratio): Ratio {
  if (b.numerator === 0n) throw new RangeError('Division by a zero rate');
  return ratio(a.numerator * b.denominator, a.denominator * b.numerator);
}

const DECIMAL = /^(\d{1,15})(?:\.(\d{1,15}))?$/;

/** "0.0812" → 203/2500, exactly. Only plain decimals with a dot (no sign, exponent or grouping). */
export function ratioOfDecimal(text: string): Ratio {
  const match = DECIMAL.exec(text);
  if (!match) throw new RangeError(`Not a decimal number: ${JSON.stringify(text)}`);
  const fraction = match[2] ?? '';
  return ratio(BigInt(`${match[1]}${fraction}`), 10n ** BigInt(fraction.length));
}

/** "203/2500": how fractions are stored and sent. */
export function ratioText(value: Ratio): string {
  return `${value.numerator}/${value.denominator}`;
}

export function parseRatioText(text: string): Ratio {
  const match = /^(\d{1,40})\/(\d{1,40})$/.exec(text);
  if (!match) throw new RangeError(`Not a fraction: ${JSON.stringify(text)}`);
  const parsed = ratio(BigInt(match[1]!), BigInt(match[2]!));
  if (parsed.numerator === 0n) throw new RangeError('A rate cannot be zero');
  return parsed;
}

/**
 * A fraction as a decimal for people to read, rounded half-up to `significant` significant digits
 * ("0.0812", "0.000592", "12.1655"). Never used to convert: conversions use the fraction.
 */
export function decimalText(value: Ratio, significant = 6): string {
  const { numerator: n, denominator: d } = value;
  if (n === 0n) return '0';
  // The decimal exponent of the leading digit: 10^lead <= n/d < 10^(lead+1).
  let lead = n.toString().length - d.toString().length;
  if (n * 10n ** BigInt(Math.max(0, -lead)) < d * 10n ** BigInt(Math.max(0, lead))) lead -= 1;
  const shift = significant - 1 - lead; // digits after the point
  const scaled = shift >= 0 ? (n * 10n ** BigInt(shift) * 2n + d) / (2n * d) : (n * 2n + d * 10n ** BigInt(-shift)) / (2n * d * 10n ** BigInt(-shift));
  if (shift <= 0) return (scaled * 10n ** BigInt(-shift)).toString();
  const digits = scaled.toString().padStart(shift + 1, '0');
  const whole = digits.slice(0, digits.length - shift);
  const decimals = digits.slice(digits.length - shift).replace(/0+$/, '');
  return decimals ? `${whole}.${decimals}` : whole;
}

/** Thrown when rates cannot make a complete snapshot: a currency nobody quotes, or a fraction too large to send exactly. */
export class IncompleteRatesError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IncompleteRatesError';
  }
}

/**
 * A snapshot from a source's rates, the currencies it lacks taken from `gaps` (each keeps its own
 * source, so a figure from a file says so). Only the store's currencies are kept, in CURRENCIES order;
 * the yuan is always 1. Throws IncompleteRatesError when a currency is in neither, or when a rate
 * between two currencies would not fit the exact integers an ExchangeRate carries.
 */
export function snapshotOf(primary: PublishedRates, gaps: PublishedRates | null, loadedAt: string): RateSnapshot {
  const from = (rates: PublishedRates | null) => new Map((rates?.rates ?? []).map((rate) => [rate.currency, rate]));
  const first = from(primary);
  const second = from(gaps);
  const missing: CurrencyCode[] = [];
  const rates = CURRENCIES.flatMap((currency): CnyRate[] => {
    if (currency === 'CNY') return [{ currency, yuanPerUnit: '1/1', asOf: primary.asOf, source: primary.source }];
    const rate = first.get(currency) ?? second.get(currency);
    if (!rate) {
      missing.push(currency);
      return [];
    }
    parseRatioText(rate.yuanPerUnit);
    return [rate];
  });
  if (missing.length) throw new IncompleteRatesError(`No rate for ${missing.join(', ')} in ${primary.source}${gaps ? ` or ${gaps.source}` : ''}`);
  const snapshot: RateSnapshot = { asOf: primary.asOf, source: primary.source, loadedAt, rates };
  // Every pair must convert exactly with the integers an ExchangeRate (and an order) carries.
  const book = rateBook(snapshot);
  for (const a of CURRENCIES) for (const b of CURRENCIES) book.rateFor(a, b);
  return snapshot;
}

/** Which currencies of a snapshot came from which source, for logs and the refresh's answer. */
export function currenciesBySource(snapshot: Pick<RateSnapshot, 'rates'>): Record<string, CurrencyCode[]> {
  const groups: Record<string, CurrencyCode[]> = {};
  for (const rate of snapshot.rates) (groups[rate.source] ??= []).push(rate.currency);
  return groups;
}

export type RateFor = (from: CurrencyCode, to: CurrencyCode) => ExchangeRate;

export interface RateBook {
  readonly snapshot: RateSnapshot;
  /** The snapshot's rate of one currency against the yuan. */
  cnyRate(currency: CurrencyCode): CnyRate;
  /**
   * Minor units of `to` per minor unit of `from`, exact and reduced, with the publisher's date (the
   * older of the two for a cross rate) and the source. Throws a RangeError if the fraction's terms
   * are beyond exact integers in JSON (snapshotOf refuses such a snapshot before it is stored).
   */
  rateFor: RateFor;
}

export function rateBook(snapshot: RateSnapshot): RateBook {
  const byCurrency = new Map<CurrencyCode, { rate: CnyRate; yuan: Ratio }>();
  for (const rate of snapshot.rates) {
    if (isCurrency(rate.currency)) byCurrency.set(rate.currency, { rate, yuan: parseRatioText(rate.yuanPerUnit) });
  }
  const entry = (currency: CurrencyCode) => {
    const found = byCurrency.get(currency);
    if (!found) throw new IncompleteRatesError(`The rates of ${snapshot.asOf} (${snapshot.source}) have no ${currency}`);
    return found;
  };
  return {
    snapshot,
    cnyRate: (currency) => entry(currency).rate,
    rateFor(from, to) {
      const a = entry(from);
      const b = entry(to);
      // yuan(from) / yuan(to), then from major to minor units: × 10^exp(to) / 10^exp(from).
      const shift = minorUnitExponent(to) - minorUnitExponent(from);
      const exact = ratio(
        a.yuan.numerator * b.yuan.denominator * 10n ** BigInt(Math.max(0, shift)),
        a.yuan.denominator * b.yuan.numerator * 10n ** BigInt(Math.max(0, -shift)),
      );
      const limit = BigInt(Number.MAX_SAFE_INTEGER);
      if (exact.numerator > limit || exact.denominator > limit) {
        throw new RangeError(`The rate ${from}->${to} (${ratioText(exact)}) is beyond exact integers`);
      }
      const [asOf, source] =
        from === to || from === 'CNY'
          ? [b.rate.asOf, b.rate.source]
          : to === 'CNY'
            ? [a.rate.asOf, a.rate.source]
            : [a.rate.asOf < b.rate.asOf ? a.rate.asOf : b.rate.asOf, a.rate.source === b.rate.source ? a.rate.source : `${from}: ${a.rate.source}; ${to}: ${b.rate.source}`];
      return { from, to, numerator: Number(exact.numerator), denominator: Number(exact.denominator), asOf, source };
    },
  };
}

/** Whether checkout may charge at a snapshot now. */
export type RateFreshness =
  | { readonly fresh: true; readonly loadedAt: string; readonly freshUntil: string; readonly maxAgeHours: number }
  /** `loadedAt` null: no rates have ever been loaded. */
  | { readonly fresh: false; readonly reason: 'rates_stale'; readonly loadedAt: string | null; readonly maxAgeHours: number };

/** Fresh while younger than `maxAgeHours` since it was loaded; at exactly that age it is stale. */
export function rateFreshness(snapshot: Pick<RateSnapshot, 'loadedAt'> | null, now: Date, maxAgeHours = RATES_FRESH_FOR_HOURS): RateFreshness {
  if (!snapshot) return { fresh: false, reason: 'rates_stale', loadedAt: null, maxAgeHours };
  const until = Date.parse(snapshot.loadedAt) + maxAgeHours * 3_600_000;
  if (Number.isNaN(until) || now.getTime() >= until) return { fresh: false, reason: 'rates_stale', loadedAt: snapshot.loadedAt, maxAgeHours };
  return { fresh: true, loadedAt: snapshot.loadedAt, freshUntil: new Date(until).toISOString(), maxAgeHours };
}

/**
 * Why a feed's rates may not be taken, or null: dated more than FEED_STALLED_AFTER_DAYS before
 * today (the publisher has stopped) or more than FEED_DATED_AHEAD_DAYS after it (a wrong date).
 */
export function feedDateProblem(asOf: string, now: Date): string | null {
  const dated = Date.parse(`${asOf}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(dated)) return `the feed's date ${JSON.stringify(asOf)} is not a date`;
  const days = (dated - Date.parse(`${now.toISOString().slice(0, 10)}T00:00:00Z`)) / 86_400_000;
  if (days < -FEED_STALLED_AFTER_DAYS) return `the feed's newest rates are of ${asOf}, more than ${FEED_STALLED_AFTER_DAYS} days ago: it has stopped publishing`;
  if (days > FEED_DATED_AHEAD_DAYS) return `the feed dates its rates ${asOf}, more than ${FEED_DATED_AHEAD_DAYS} days ahead`;
  return null;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}
