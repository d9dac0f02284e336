import type { PavilionCode } from '../domain/pavilion.js';

/** What one page of a pavilion's products (or paid lines) needed: how many were read, and how many got their index entries written. */
export interface ListingKeyPage {
  readonly checked: number;
  readonly updated: number;
  /** Opaque; null after the pavilion's last page. */
  readonly nextCursor: string | null;
}

/**
 * Products written before a listing index existed carry no entry in it, so no listing shows them;
 * likewise paid order lines and their pavilion's queue by fulfilment. The store knows which entries
 * an item should carry; this writes the missing or stale ones.
 */
export interface ListingKeyStore {
  /** One page of a pavilion's products, every status; writing a product that already has its entries is skipped (idempotent). */
  refreshListingKeys(pavilion: PavilionCode, cursor?: string): Promise<ListingKeyPage>;
  /** One page of a pavilion's paid order lines, the same way: each gets the entry of its fulfilment's queue. */
  refreshQueueKeys(pavilion: PavilionCode, cursor?: string): Promise<ListingKeyPage>;
}
