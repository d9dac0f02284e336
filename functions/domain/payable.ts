import type { CrossBorderQuote } from './cross-border-quote.js';
import { PER_ORDER_LIMIT_CNY, withinPerOrderLimit } from './cross-border.js';
import type { RateFreshness } from './exchange-rates.js';
import { money, type Money } from './money.js';
import { fitsOnePayment, MAX_PAYMENT_AMOUNT } from './payment-methods.js';

/** Whether checkout would take a quoted cart, and if not, why and up to what. */
export type Payability =
  | { readonly payable: true }
  /** Goods plus freight are worth more in CNY than one order shipped to China may carry, in any currency. */
  | { readonly payable: false; readonly reason: 'over_cross_border_limit'; readonly limit: Money }
  /**
   * A line's unit converts to nothing in the charge currency (a very cheap item into a currency with
   * larger units): it would be given away. Another charge currency may carry it.
   */
  | { readonly payable: false; readonly reason: 'charge_rounds_to_zero'; readonly productIds: string[] }
  /** The total is more than one payment carries in the charge currency. */
  | { readonly payable: false; readonly reason: 'amount_too_large'; readonly maxAmount: Money }
  /** The figures need exchange rates older than checkout charges at (or none were ever loaded: ratesLoadedAt null). */
  | { readonly payable: false; readonly reason: 'rates_stale'; readonly ratesLoadedAt: string | null };

/** What payability reads of a quote: China's value, the total, and what each line's unit is charged. */
export type PayabilityQuote = Pick<CrossBorderQuote, 'cny' | 'total'> & {
  readonly lines: readonly Pick<CrossBorderQuote['lines'][number], 'productId' | 'chargedUnitPrice'>[];
};

/**
 * "Can this be paid", as the cart shows it and checkout enforces it. The per-order limit comes
 * first: it holds in every currency, so choosing another currency (the remedy for a too-large
 * amount) cannot lift it. The buyer's yearly limit needs their ID number, so only checkout checks
 * it, between these two.
 */
export function payability(quote: PayabilityQuote): Payability {
  if (!withinPerOrderLimit(quote.cny.dutiableValue)) return { payable: false, reason: 'over_cross_border_limit', limit: PER_ORDER_LIMIT_CNY };
  const free = quote.lines.filter((line) => line.chargedUnitPrice.amount <= 0).map((line) => line.productId);
  if (free.length > 0) return { payable: false, reason: 'charge_rounds_to_zero', productIds: free };
  if (!fitsOnePayment(quote.total)) return { payable: false, reason: 'amount_too_large', maxAmount: money(MAX_PAYMENT_AMOUNT, quote.total.currency) };
  return { payable: true };
}

/**
 * payability, and before it whether the rates the quote was converted at may be charged now
 * (domain/exchange-rates.ts rateFreshness). Stale rates come first: every other figure (the CNY
 * value China's limits count included) was converted at them. A cart priced and charged in yuan
 * converts nothing and needs no rate.
 */
export function payabilityAt(quote: PayabilityQuote & Pick<CrossBorderQuote, 'lines'>, rates: RateFreshness): Payability {
  if (!rates.fresh && convertsCurrency(quote)) return { payable: false, reason: 'rates_stale', ratesLoadedAt: rates.loadedAt };
  return payability(quote);
}

/** Whether a quote needed an exchange rate: a line priced in another currency than the yuan, or a charge in another. */
export function convertsCurrency(quote: Pick<CrossBorderQuote, 'total' | 'lines'>): boolean {
  return quote.total.currency !== 'CNY' || quote.lines.some((line) => line.unitPrice.currency !== 'CNY');
}
