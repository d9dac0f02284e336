import { minorUnitExponent, type CurrencyCode, type ExchangeRate } from './money.js';

/**
 * The rate snapshot checkout converts with: how many yuan one unit of each currency buys,
 * in millionths of a yuan (exact integers, no floats). Every order records the rates it used,
 * so settlement with a pavilion (in its own currency) replays the same arithmetic.
 * Indicative mid-market rates; a production deployment replaces this table by a daily feed
 * written to the table under the same shape.
 */
export const RATES_AS_OF = '2025-11-28';

const MICRO_CNY_PER_UNIT: Record<CurrencyCode, number> = {
  CNY: 1_000_000,
  USD: 7_100_000,
  EUR: 8_200_000,
  HKD: 913_000,
  RUB: 88_800,
  KZT: 13_650,
  KGS: 81_200,
  UZS: 592,
  TJS: 763_000,
  BYN: 2_370_000,
  INR: 80_200,
  PKR: 25_270,
  EGP: 149_500,
  MNT: 1_978,
  TRY: 167_800,
  AFN: 107_600,
};

/**
 * The rate from one currency to another, as minor units of `to` per minor unit of `from`
 * (the exponents are looked up, so a zero-decimal currency would convert correctly too).
 */
export function rateBetween(from: CurrencyCode, to: CurrencyCode): ExchangeRate {
  const numerator = BigInt(MICRO_CNY_PER_UNIT[from]) * 10n ** BigInt(minorUnitExponent(to));
  const denominator = BigInt(MICRO_CNY_PER_UNIT[to]) * 10n ** BigInt(minorUnitExponent(from));
  const divisor = gcd(numerator, denominator);
  return {
    from,
    to,
    numerator: Number(numerator / divisor),
    denominator: Number(denominator / divisor),
    asOf: RATES_AS_OF,
  };
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}
