import type { CurrencyCode, ExchangeRate, Money } from './money.js';
import { chargeIn, type PricedLine } from './pricing.js';

/**
 * China's cross-border e-commerce retail import policy: an order shipped to China may carry at
 * most CNY 5,000 of goods (within it, 0% tariff and import VAT and
 * consumption tax at 70%).
 * Every order of this store ships to China, so every order is held to it, whatever currency the
 * shopper pays in. Source: China's cross-border e-commerce retail import policy, per-order CNY 5,000
 * (see DESIGN.md, "The SCO context").
 *
 * The yearly limit (CNY 26,000 per buyer) is not enforced: it needs the buyer's ID number,
 * which the store does not collect yet.
 */
export const PER_ORDER_LIMIT_CNY: Money = { amount: 500_000, currency: 'CNY' };

/**
 * The goods value of an order in yuan: the lines converted unit by unit with the same rate
 * snapshot checkout charges with (so a CNY checkout's total is exactly this figure). Exact,
 * never floats; held at MAX_AMOUNT like every other figure, which is far above the limit.
 */
export function goodsValueInCny(
  lines: readonly PricedLine[],
  rateFor: (from: CurrencyCode, to: CurrencyCode) => ExchangeRate,
): Money {
  return chargeIn(lines, 'CNY', rateFor).total;
}

/** Whether an order's goods value (in CNY) stays within the per-order limit; exactly CNY 5,000 is allowed. */
export function withinPerOrderLimit(valueInCny: Money): boolean {
  if (valueInCny.currency !== 'CNY') throw new RangeError(`The per-order limit is checked in CNY, got ${valueInCny.currency}`);
  return valueInCny.amount <= PER_ORDER_LIMIT_CNY.amount;
}
