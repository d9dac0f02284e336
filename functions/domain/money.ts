/**
 * Money is an integer count of a currency's minor unit, never a float.
 * The exponent is looked up, never assumed: ISO 4217 and Stripe disagree for a few currencies.
 * Source: ISO 4217 and https://docs.stripe.com/currencies (zero-decimal and special cases).
 */
export interface Money {
  readonly amount: number;
  readonly currency: CurrencyCode;
}

/** Currencies the store prices or charges in: the SCO region's plus USD, EUR and HKD. IRR is absent: Stripe does not take it. */
export const CURRENCIES = [
  'CNY', 'KZT', 'KGS', 'UZS', 'TJS', 'RUB', 'BYN', 'INR', 'PKR', 'EGP', 'MNT', 'TRY', 'AFN',
  'USD', 'EUR', 'HKD',
] as const;
export type CurrencyCode = (typeof CURRENCIES)[number];

/** Minor-unit exponents of every currency above (all 2, in both ISO 4217 and Stripe). */
const EXPONENTS: Record<CurrencyCode, number> = Object.fromEntries(
  CURRENCIES.map((code) => [code, 2]),
) as Record<CurrencyCode, number>;

/** Stripe's zero-decimal currencies, kept so a future currency is never assumed to have cents. */
const ZERO_DECIMAL = new Set(['BIF', 'CLP', 'DJF', 'GNF', 'JPY', 'KMF', 'KRW', 'MGA', 'PYG', 'RWF', 'UGX', 'VND', 'VUV', 'XAF', 'XOF', 'XPF']);

export function isCurrency(code: string): code is CurrencyCode {
  return (CURRENCIES as readonly string[]).includes(code);
}

export function minorUnitExponent(code: string): number {
  if (isCurrency(code)) return EXPONENTS[code];
  if (ZERO_DECIMAL.has(code)) return 0;
  throw new RangeError(`Unknown currency ${code}`);
}

/**
 * The ceiling of every figure we compute (line totals, subtotals, converted totals). They are
 * computed exactly with BigInt and held at this ceiling instead of overflowing, so an absurd cart
 * answers with a figure and a "too large" flag, never a RangeError. It is far above what one
 * payment can carry (MAX_PAYMENT_AMOUNT in payment-methods.ts), so a held figure can never be charged.
 */
export const MAX_AMOUNT = 1_000_000_000_000;

/** An exact amount (BigInt) as a figure we can hold: itself, or MAX_AMOUNT when it is larger. */
export function heldAmount(exact: bigint): number {
  return exact > BigInt(MAX_AMOUNT) ? MAX_AMOUNT : Number(exact);
}

export function money(amount: number, currency: CurrencyCode): Money {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`Money must be a whole number of minor units, got ${amount}`);
  return { amount, currency };
}

export function multiplyMoney(a: Money, quantity: number): Money {
  if (!Number.isSafeInteger(quantity)) throw new RangeError(`Quantity must be whole, got ${quantity}`);
  return money(a.amount * quantity, a.currency);
}

/** Formats for display with the locale's conventions (decimal mark, symbol placement). */
export function formatMoney(value: Money, locale: string): string {
  const exponent = minorUnitExponent(value.currency);
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: value.currency,
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  }).format(value.amount / 10 ** exponent);
}

/**
 * Converts with a stored rate snapshot. Rates are quoted as minor units of `to` per one
 * minor unit of `from`, as a decimal string kept exact by scaling; rounding is half-up once, at the end.
 */
export function convertMoney(value: Money, to: CurrencyCode, rate: ExchangeRate): Money {
  if (value.currency === to) return value;
  return money(Number(convertExact(value, to, rate)), to);
}

/** The conversion as an exact BigInt, for callers that must not throw on a huge result (see heldAmount). */
export function convertExact(value: Money, to: CurrencyCode, rate: ExchangeRate): bigint {
  if (value.currency === to) return BigInt(value.amount);
  if (rate.from !== value.currency || rate.to !== to) throw new RangeError(`Rate ${rate.from}->${rate.to} does not convert ${value.currency}->${to}`);
  const scaled = BigInt(value.amount) * BigInt(rate.numerator);
  const denominator = BigInt(rate.denominator);
  const half = denominator / 2n;
  return scaled >= 0n ? (scaled + half) / denominator : -((-scaled + half) / denominator);
}

/** A rate as an exact fraction of minor units, so conversions never touch floats. */
export interface ExchangeRate {
  readonly from: CurrencyCode;
  readonly to: CurrencyCode;
  readonly numerator: number;
  readonly denominator: number;
  /** The publisher's date of the rate (functions/domain/exchange-rates.ts). */
  readonly asOf: string;
  /** Where the rate comes from: the publisher, or the file it was loaded from. */
  readonly source?: string;
}
