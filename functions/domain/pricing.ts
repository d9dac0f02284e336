import type { Cart } from './cart.js';
import { HS_CODE, type FulfilmentMode, type Product } from './catalogue.js';
import { crossBorderImportable } from './import-tax-rates.js';
import type { Localized } from './languages.js';
import { convertExact, heldAmount, type CurrencyCode, type ExchangeRate, type Money } from './money.js';
import type { PavilionCode } from './pavilion.js';
import { availableUnits } from './stock.js';

/**
 * Pricing of a cart, always from the catalogue as it is now.
 *
 * A cart may hold lines from pavilions that price in different currencies (KGS honey, RUB
 * chocolate...). The cart shows each line in its pavilion's currency and one subtotal per
 * currency. Stripe Checkout takes one currency per session, so checkout charges everything in
 * one currency (CNY unless the shopper picks another): each unit price is converted with the
 * rate snapshot and rounded once, and the line total is that unit price times the quantity, so
 * our total is exactly the sum Stripe computes from unit_amount x quantity.
 *
 * Figures are computed exactly (BigInt) and held at MAX_AMOUNT, so no cart, however absurd
 * (a legacy price, 999 units, a weak currency), makes pricing throw: checkout refuses a total
 * that does not fit one payment, and the cart says so.
 */
export type LineStatus = 'ok' | 'short' | 'unavailable';

/**
 * Why a line cannot be bought: archived (no longer sold), no_hs_code (a listing customs could not
 * declare), not_importable (its HS code is not on China's cross-border positive list).
 */
export type UnavailableReason = 'archived' | 'no_hs_code' | 'not_importable';

/** Whether a product can be sold to a shopper in China now, and if not, why (null: it can). */
export function unavailableReason(product: Pick<Product, 'status' | 'hsCode'>): UnavailableReason | null {
  if (product.status !== 'active') return 'archived';
  if (!HS_CODE.test(product.hsCode ?? '')) return 'no_hs_code';
  if (!crossBorderImportable(product.hsCode)) return 'not_importable';
  return null;
}

export interface PricedLine {
  readonly productId: string;
  readonly pavilion: PavilionCode;
  readonly sku: string;
  readonly title: Localized;
  readonly unit: Localized;
  readonly image: string | null;
  readonly quantity: number;
  /** Units free to buy right now. */
  readonly available: number;
  readonly unitPrice: Money;
  readonly lineTotal: Money;
  /** ok; short (more asked than in stock); unavailable (not sold: see unavailableReason). */
  readonly status: LineStatus;
  readonly unavailableReason?: UnavailableReason;
  /** The catalogue version the price was read from: checkout reserves only if it is still current. */
  readonly productVersion: number;
  /** What freight and import tax are worked out from (domain/cross-border-quote.ts). */
  readonly weightGrams: number;
  readonly hsCode: string;
  readonly fulfilmentMode: FulfilmentMode;
}

export interface PricedCart {
  /** Lines in cart order; a product that no longer exists at all is left out. */
  readonly lines: readonly PricedLine[];
  /** One subtotal per currency, over the lines that can be bought, in order of first appearance. */
  readonly subtotals: readonly Money[];
}

export function priceCart(cart: Pick<Cart, 'lines'>, products: ReadonlyMap<string, Product | null>): PricedCart {
  const lines: PricedLine[] = [];
  for (const line of cart.lines) {
    const product = products.get(line.productId);
    if (!product) continue;
    const available = availableUnits(product);
    const reason = unavailableReason(product);
    const status: LineStatus = reason ? 'unavailable' : line.quantity > available ? 'short' : 'ok';
    lines.push({
      productId: product.id,
      pavilion: product.pavilion,
      sku: product.sku,
      title: product.title,
      unit: product.unit,
      image: product.images[0] ?? null,
      quantity: line.quantity,
      available,
      unitPrice: product.price,
      lineTotal: { amount: heldAmount(BigInt(product.price.amount) * BigInt(line.quantity)), currency: product.price.currency },
      status,
      ...(reason ? { unavailableReason: reason } : {}),
      productVersion: product.version,
      weightGrams: product.weightGrams,
      hsCode: product.hsCode ?? '',
      fulfilmentMode: product.fulfilment.mode,
    });
  }
  return { lines, subtotals: subtotalsOf(lines.filter((line) => line.status !== 'unavailable')) };
}

export function subtotalsOf(lines: readonly Pick<PricedLine, 'lineTotal'>[]): Money[] {
  const byCurrency = new Map<CurrencyCode, bigint>();
  for (const { lineTotal } of lines) {
    byCurrency.set(lineTotal.currency, (byCurrency.get(lineTotal.currency) ?? 0n) + BigInt(lineTotal.amount));
  }
  return [...byCurrency].map(([currency, sum]) => ({ amount: heldAmount(sum), currency }));
}

export interface ChargedLine extends PricedLine {
  readonly chargedUnitPrice: Money;
  readonly chargedLineTotal: Money;
}

export interface Charge {
  readonly lines: readonly ChargedLine[];
  /** Held at MAX_AMOUNT when larger: such a total never fits one payment anyway. */
  readonly total: Money;
  /** The rates actually used, one per foreign currency, in order of first use. */
  readonly rates: readonly ExchangeRate[];
}

/** Converts every line into one currency, unit by unit; never throws on a huge figure (see MAX_AMOUNT). */
export function chargeIn(
  lines: readonly PricedLine[],
  currency: CurrencyCode,
  rateFor: (from: CurrencyCode, to: CurrencyCode) => ExchangeRate,
): Charge {
  const rates = new Map<CurrencyCode, ExchangeRate>();
  let total = 0n;
  const charged = lines.map((line) => {
    const from = line.unitPrice.currency;
    let rate = rates.get(from);
    if (from !== currency && !rate) {
      rate = rateFor(from, currency);
      rates.set(from, rate);
    }
    const unit = rate ? convertExact(line.unitPrice, currency, rate) : BigInt(line.unitPrice.amount);
    const lineTotal = unit * BigInt(line.quantity);
    total += lineTotal;
    return {
      ...line,
      chargedUnitPrice: { amount: heldAmount(unit), currency },
      chargedLineTotal: { amount: heldAmount(lineTotal), currency },
    };
  });
  return { lines: charged, total: { amount: heldAmount(total), currency }, rates: [...rates.values()] };
}
