import type { Cart } from '../domain/cart.js';
import type { Product } from '../domain/catalogue.js';
import { quoteCrossBorder, type CrossBorderQuote } from '../domain/cross-border-quote.js';
import type { RateFor } from '../domain/exchange-rates.js';
import type { FreightRates } from '../domain/freight.js';
import type { CurrencyCode } from '../domain/money.js';
import type { PavilionCode } from '../domain/pavilion.js';
import { priceCart, type PricedCart, type PricedLine } from '../domain/pricing.js';
import type { CatalogueStore, PavilionSummary } from '../ports/catalogue-store.js';
import { loadProducts } from './load-products.js';

export interface CartQuote {
  readonly priced: PricedCart;
  /** The lines that can be bought (in stock or short), which the quote covers. */
  readonly buyable: readonly PricedLine[];
  readonly quote: CrossBorderQuote;
  /** The buyable lines' pavilions as read for their freight rates (null: no such pavilion); checkout finds suspensions here. */
  readonly pavilions: ReadonlyMap<PavilionCode, PavilionSummary | null>;
}

/**
 * A cart priced from the catalogue as it is now, with freight from each pavilion's rates and the
 * import tax, converted at the stored exchange rates (`rateFor`, usecases/exchange-rates.ts):
 * what the cart page shows and what checkout charges, computed by the same code. `known`: products the
 * caller has just read, priced as read rather than read again.
 */
export async function quoteCart(catalogue: CatalogueStore, cart: Pick<Cart, 'lines'>, currency: CurrencyCode, rateFor: RateFor, known?: ReadonlyMap<string, Product | null>): Promise<CartQuote> {
  const priced = priceCart(cart, await loadProducts(catalogue, cart.lines.map((line) => line.productId), known));
  const buyable = priced.lines.filter((line) => line.status !== 'unavailable');
  const pavilions = await loadPavilions(catalogue, buyable.map((line) => line.pavilion));
  const freightRates = (pavilion: PavilionCode): FreightRates | undefined => pavilions.get(pavilion)?.freightRates;
  const quote = quoteCrossBorder(buyable, currency, freightRates, rateFor);
  return { priced, buyable, quote, pavilions };
}

/** Each pavilion of the cart, in one read (a cart spans a handful of pavilions): its freight rates and its suspension. */
async function loadPavilions(catalogue: CatalogueStore, codes: readonly PavilionCode[]): Promise<Map<PavilionCode, PavilionSummary | null>> {
  const unique = [...new Set(codes)];
  const pavilions = await catalogue.getPavilions(unique);
  return new Map(unique.map((code, index) => [code, pavilions[index] ?? null]));
}
