import type { Cart } from '../domain/cart.js';

/** Another write reached the cart first (its version moved on): re-read and try again. */
export class CartVersionConflictError extends Error {
  constructor() {
    super('The cart changed while it was being updated');
    this.name = 'CartVersionConflictError';
  }
}

export interface CartStore {
  /** Stores a new cart; its lifetime starts now. */
  create(cart: Cart): Promise<void>;
  /** A live cart, or null when it never existed or has lapsed (even if TTL has not removed it yet). */
  get(id: string, now: Date): Promise<Cart | null>;
  /** Saves a changed cart if the stored one still has `expectedVersion`, and restarts its lifetime. */
  save(cart: Cart, expectedVersion: number): Promise<void>;
  /** Restarts the lifetime of a cart that was only looked at. */
  touch(id: string, now: Date): Promise<void>;
}
