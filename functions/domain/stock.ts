import type { Product } from './catalogue.js';

/**
 * Stock rules. A product's units are split three ways: `stock` (free to sell), `reserved` (held by
 * unpaid checkouts) and `sold`. Units only move between the three, so their sum is constant outside
 * of a pavilion restocking. Only checkout takes from `stock`, in a conditional write
 * (`stock >= quantity`), and it does so concurrently with the manager, so a manager's change is a
 * delta applied atomically under the condition that free stock stays at or above zero: stock never
 * goes below zero, and on-hand never drops below what is reserved.
 */

/** Units a shopper can have now: 0 when the product is gone or archived. */
export function availableUnits(product: Pick<Product, 'status' | 'stock'> | null | undefined): number {
  if (!product || product.status !== 'active') return 0;
  return Math.max(0, product.stock);
}

/** Why a manager changed the stock, kept with each movement. */
export const STOCK_REASONS = ['restock', 'count', 'damaged', 'lost', 'returned', 'correction', 'import'] as const;
export type StockReason = (typeof STOCK_REASONS)[number];

/** A sane ceiling for one listing, far above any pavilion's shelf, so a typo (1e9) is caught. */
export const MAX_ON_HAND = 1_000_000;

export type StockChange =
  | { readonly kind: 'adjust'; readonly delta: number }
  /** The manager counted N units on hand (free + reserved). */
  | { readonly kind: 'set'; readonly onHand: number };

export type StockPlan =
  | { readonly ok: true; readonly delta: number }
  | { readonly ok: false; readonly problem: 'below_reserved' | 'above_maximum'; readonly message: string };

/**
 * Turns a change into the delta on free stock, checked against what the item holds now.
 * The store still applies it with a condition (stock >= -delta), so a checkout that reserves
 * units between the read and the write cannot push stock below zero.
 */
export function planStockChange(product: Pick<Product, 'stock' | 'reserved'>, change: StockChange): StockPlan {
  const delta = change.kind === 'adjust' ? change.delta : change.onHand - product.reserved - product.stock;
  const nextStock = product.stock + delta;
  if (nextStock < 0) {
    const message =
      change.kind === 'set'
        ? `${product.reserved} unit(s) are reserved by checkouts awaiting payment; on hand cannot be less`
        : `only ${product.stock} unit(s) are free to remove (${product.reserved} reserved by checkouts awaiting payment)`;
    return { ok: false, problem: 'below_reserved', message };
  }
  if (nextStock + product.reserved > MAX_ON_HAND) {
    return { ok: false, problem: 'above_maximum', message: `at most ${MAX_ON_HAND} units on hand` };
  }
  return { ok: true, delta };
}

/** One line of a listing's stock history. */
export interface StockMovement {
  readonly productId: string;
  readonly delta: number;
  readonly reason: StockReason;
  readonly note?: string;
  /** The manager's token subject (an opaque id, not personal data). */
  readonly by: string;
  readonly at: string;
}
