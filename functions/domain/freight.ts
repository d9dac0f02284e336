import type { FulfilmentMode } from './catalogue.js';
import type { Money } from './money.js';

/**
 * Freight to the shopper in China. Each pavilion sets, per fulfilment mode, what a parcel costs in
 * yuan for its first kilogram and for every kilogram after it (a started kilogram counts whole, as
 * couriers bill). A cart's lines travel as one parcel per pavilion and mode: the same warehouse
 * or the same train sends them together.
 */
export const FULFILMENT_MODES = ['bonded_warehouse', 'direct_rail', 'direct_air'] as const satisfies readonly FulfilmentMode[];

export interface FreightRate {
  /** What a parcel up to 1 kg costs, in CNY. */
  readonly firstKg: Money;
  /** What each further (started) kilogram adds, in CNY. */
  readonly extraKg: Money;
}

export type FreightRates = Readonly<Record<FulfilmentMode, FreightRate>>;

const cny = (amount: number): Money => ({ amount, currency: 'CNY' });

/**
 * What a pavilion charges until its manager sets its own rates: the bonded warehouse is in China
 * already (free: the goods' price carries it), rail from Central Asia and air from anywhere
 * are typical courier tariffs for a small parcel.
 */
export const DEFAULT_FREIGHT_RATES: FreightRates = {
  bonded_warehouse: { firstKg: cny(0), extraKg: cny(0) },
  direct_rail: { firstKg: cny(28_00), extraKg: cny(12_00) },
  direct_air: { firstKg: cny(68_00), extraKg: cny(30_00) },
};

/** A pavilion's own rates, or the defaults while it has set none. */
export function freightRatesOr(rates: FreightRates | undefined): FreightRates {
  return rates ?? DEFAULT_FREIGHT_RATES;
}

/** The most a manager may ask per kilogram: far above any courier's tariff, well inside one payment. */
export const MAX_FREIGHT_PER_KG_FEN = 100_000;

/** Kilograms a parcel is billed for: every started kilogram, and at least one. */
export function billableKilograms(weightGrams: number): number {
  return Math.max(1, Math.ceil(weightGrams / 1000));
}

/** The freight of one parcel, in CNY fen. */
export function parcelFreight(weightGrams: number, rate: FreightRate): Money {
  if (rate.firstKg.currency !== 'CNY' || rate.extraKg.currency !== 'CNY') throw new RangeError('Freight rates are set in CNY');
  const kilograms = billableKilograms(weightGrams);
  return cny(rate.firstKg.amount + (kilograms - 1) * rate.extraKg.amount);
}

/**
 * Splits `total` over parts in proportion to their weights, exactly: each part gets its floor share,
 * then the fen left over go one each to the largest remainders (earlier parts first on a tie), so
 * the parts always add up to the total. Used to give each line its share of its parcel's freight,
 * in proportion to the line's goods value.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total) || total < 0) throw new RangeError(`Cannot apportion ${total}`);
  if (weights.length === 0) {
    if (total !== 0) throw new RangeError('Cannot apportion an amount over no parts');
    return [];
  }
  const sum = weights.reduce((acc, weight) => acc + BigInt(weight), 0n);
  if (sum === 0n) {
    // Nothing to weigh by: equal parts.
    return apportion(total, weights.map(() => 1));
  }
  const exact = weights.map((weight) => BigInt(total) * BigInt(weight));
  const shares = exact.map((value) => value / sum);
  let left = BigInt(total) - shares.reduce((acc, share) => acc + share, 0n);
  const order = exact
    .map((value, index) => ({ index, remainder: value % sum }))
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of order) {
    if (left === 0n) break;
    shares[index] = (shares[index] ?? 0n) + 1n;
    left -= 1n;
  }
  return shares.map(Number);
}
