import type { RateBook } from '../../../../functions/domain/exchange-rates.js';
import type { CurrencyCode, Money } from '../../../../functions/domain/money.js';
import { catalogue } from '../../data/catalogue.js';
import { DEFAULT_CURRENCY } from './currencies.js';
import { convertedPrice, priceFigures, type PriceFigures } from './price.js';
import { isRatesAnswer, rateBookOf } from './rates.js';

/**
 * Build time only: the rates stored when the catalogue snapshot was taken
 * (infra/site-build/catalogue-snapshot.ts `rates`), which static pages convert with.
 * Null when the snapshot has none (no rates loaded yet): pages then show the pavilion's own prices.
 */
let built: { readonly book: RateBook | null } | undefined;

export function buildRateBook(): RateBook | null {
  built ??= { book: (() => {
    const rates: unknown = catalogue().rates;
    return isRatesAnswer(rates) ? rateBookOf(rates) : null;
  })() };
  return built.book;
}

/** A price as a static page shows it: in yuan at the build's rates, the pavilion's own beside it. */
export function priceAtBuild(own: Money, currency: CurrencyCode = DEFAULT_CURRENCY): PriceFigures {
  return priceFigures(own, currency, buildRateBook());
}

/** The price in yuan at the build's rates (for structured data, price bands...), or null without rates. */
export function yuanAtBuild(own: Money): Money | null {
  return convertedPrice(own, 'CNY', buildRateBook());
}
