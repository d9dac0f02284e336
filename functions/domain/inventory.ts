import type { Product } from './catalogue.js';

/**
 * Inventory rules. A product's units are split three ways: `stock` (free to sell), `reserved`
 * (held by unpaid checkouts) and `sold`. Units only move between the three, so their sum is
 * constant outside of a pavilion restocking; only checkout takes from `stock`, in a conditional
 * write (`stock >= quantity`), so stock never goes below zero.
 */
export interface Shortage {
  readonly productId: string;
  readonly requested: number;
  /** Units a shopper can still have: 0 when the product is gone or archived. */
  readonly available: number;
}

export function availableUnits(product: Pick<Product, 'status' | 'stock'> | null | undefined): number {
  if (!product || product.status !== 'active') return 0;
  return Math.max(0, product.stock);
}

export function shortageOf(productId: string, requested: number, product: Pick<Product, 'status' | 'stock'> | null | undefined): Shortage | null {
  const available = availableUnits(product);
  return requested > available ? { productId, requested, available } : null;
}
