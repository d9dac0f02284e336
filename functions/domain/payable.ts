import type { CrossBorderQuote } from './cross-border-quote.js';
import { PER_ORDER_LIMIT_CNY, withinPerOrderLimit } from './cross-border.js';
import { money, type Money } from './money.js';
import { fitsOnePayment, MAX_PAYMENT_AMOUNT } from './payment-methods.js';

/** Whether checkout would take a quoted cart, and if not, why and up to what. */
export type Payability =
  | { readonly payable: true }
  /** Goods plus freight are worth more in CNY than one order shipped to China may carry, in any currency. */
  | { readonly payable: false; readonly reason: 'over_cross_border_limit'; readonly limit: Money }
  /** The total is more than one payment carries in the charge currency. */
  | { readonly payable: false; readonly reason: 'amount_too_large'; readonly maxAmount: Money };

/**
 * "Can this be paid", as the cart shows it and checkout enforces it. The per-order limit comes
 * first: it holds in every currency, so choosing another currency (the remedy for a too-large
 * amount) cannot lift it. The buyer's yearly limit needs their ID number, so only checkout checks
 * it, between these two.
 */
export function payability(quote: Pick<CrossBorderQuote, 'cny' | 'total'>): Payability {
  if (!withinPerOrderLimit(quote.cny.dutiableValue)) return { payable: false, reason: 'over_cross_border_limit', limit: PER_ORDER_LIMIT_CNY };
  if (!fitsOnePayment(quote.total)) return { payable: false, reason: 'amount_too_large', maxAmount: money(MAX_PAYMENT_AMOUNT, quote.total.currency) };
  return { payable: true };
}
