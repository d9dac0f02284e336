import { convertMoney, formatMoney, type CurrencyCode, type Money } from '../../../../functions/domain/money.js';
import type { RateBook } from '../../../../functions/domain/exchange-rates.js';

/**
 * A price as a shopper reads it: in their currency first, the pavilion's own price beside it.
 * Converted exactly as the cart converts a unit price (functions/domain/pricing.ts chargeIn): one
 * rate from the pavilion's currency to the shopper's, rounded half-up once.
 */
export interface PriceFigures {
  /** In the shopper's currency; the pavilion's own price when that is the same currency or there is no rate. */
  readonly main: Money;
  /** The pavilion's own price, when `main` is another currency. */
  readonly own: Money | null;
}

/** `own` in `currency` at the book's rate, or null when the book has no rate for it. */
export function convertedPrice(own: Money, currency: CurrencyCode, book: RateBook | null): Money | null {
  if (own.currency === currency) return own;
  if (!book) return null;
  try {
    return convertMoney(own, currency, book.rateFor(own.currency, currency));
  } catch {
    return null;
  }
}

export function priceFigures(own: Money, currency: CurrencyCode, book: RateBook | null): PriceFigures {
  const main = convertedPrice(own, currency, book);
  return main && main.currency !== own.currency ? { main, own } : { main: own, own: null };
}

export interface PriceTexts {
  readonly main: string;
  /** Empty when there is no second price. */
  readonly own: string;
}

/** Both figures in the page's locale (the minor units come from the domain, never from Intl). */
export function priceTexts(figures: PriceFigures, locale: string): PriceTexts {
  return { main: formatMoney(figures.main, locale), own: figures.own ? formatMoney(figures.own, locale) : '' };
}
