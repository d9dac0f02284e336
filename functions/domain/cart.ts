import { MAX_ORDER_LINES } from './order.js';

/**
 * A shopper's cart: product ids and quantities only. Prices, titles and stock are looked up
 * from the catalogue every time the cart is shown, so a cart never carries a stale or forged price.
 */
export interface CartLine {
  readonly productId: string;
  readonly quantity: number;
  readonly addedAt: string;
}

export interface Cart {
  /** 128 random bits, base64url: the only thing that grants access to the cart. */
  readonly id: string;
  readonly lines: readonly CartLine[];
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Bumped on every change: two tabs editing one cart never lose a write. */
  readonly version: number;
  /**
   * The order the cart's latest checkout placed. Written by checkout only, in the transaction that
   * reserves the stock: a cart holds at most one pending order, and a new checkout releases it first.
   */
  readonly pendingOrderId?: string;
}

export const CART_ID = /^[A-Za-z0-9_-]{22}$/;

/** A cart lapses after this long without use (DynamoDB TTL removes it). */
export const CART_LIFETIME_DAYS = 30;

/** A household quantity, not a wholesale one; also keeps every line total far from overflow. */
export const MAX_LINE_QUANTITY = 999;

/** Every cart line becomes an order line, and checkout reserves them in one transaction. */
export const MAX_CART_LINES = MAX_ORDER_LINES;

export class CartFullError extends Error {
  constructor() {
    super(`A cart holds at most ${MAX_CART_LINES} different products`);
    this.name = 'CartFullError';
  }
}

export function emptyCart(id: string, now: string): Cart {
  return { id, lines: [], createdAt: now, updatedAt: now, version: 0 };
}

/** Sets a line's quantity (0 removes it); a new product goes to the end, an existing one keeps its place. */
export function setLineQuantity(cart: Cart, productId: string, quantity: number, now: string): Cart {
  if (!Number.isSafeInteger(quantity) || quantity < 0 || quantity > MAX_LINE_QUANTITY) {
    throw new RangeError(`Quantity must be a whole number from 0 to ${MAX_LINE_QUANTITY}`);
  }
  const existing = cart.lines.find((line) => line.productId === productId);
  let lines: CartLine[];
  if (quantity === 0) {
    lines = cart.lines.filter((line) => line.productId !== productId);
  } else if (existing) {
    lines = cart.lines.map((line) => (line.productId === productId ? { ...line, quantity } : line));
  } else {
    if (cart.lines.length >= MAX_CART_LINES) throw new CartFullError();
    lines = [...cart.lines, { productId, quantity, addedAt: now }];
  }
  return { ...cart, lines, updatedAt: now, version: cart.version + 1 };
}

export function cartExpiresAt(lastUsed: string): string {
  return new Date(Date.parse(lastUsed) + CART_LIFETIME_DAYS * 86_400_000).toISOString();
}
