import type { Product, ProductStatus } from '../domain/catalogue.js';
import type { ListingContent } from '../domain/listing.js';
import type { PavilionCode } from '../domain/pavilion.js';
import type { StockMovement, StockReason } from '../domain/stock.js';
import type { ProductPage } from './catalogue-store.js';

export interface OwnListingQuery {
  readonly pavilion: PavilionCode;
  /** Omitted: every status (archived ones too). */
  readonly status?: ProductStatus;
  readonly limit: number;
  readonly cursor?: string;
}

/**
 * Why a guarded write did not happen. Stores raise it when their condition fails, with the
 * listing as it is now (if any) so the caller can answer 404, 403 or 409 precisely.
 */
export class ListingWriteRefused extends Error {
  constructor(
    readonly reason: 'missing' | 'not_yours' | 'stale_version' | 'exists' | 'below_reserved' | 'stock_moved' | 'wrong_status' | 'unknown_pavilion',
    readonly current: Product | null,
  ) {
    super(`Listing write refused: ${reason}`);
    this.name = 'ListingWriteRefused';
  }
}

export interface StockWrite {
  readonly id: string;
  readonly pavilion: PavilionCode;
  /** Change of free stock; applied atomically only while stock + delta >= 0. */
  readonly delta: number;
  readonly reason: StockReason;
  readonly note?: string;
  readonly by: string;
  readonly at: string;
  /** For "set on hand to N": apply only if stock and reserved are still what the delta was computed from. */
  readonly expect?: { readonly stock: number; readonly reserved: number };
}

/** One import row's change to an existing listing, written in one round trip. */
export interface ImportChange {
  readonly id: string;
  readonly pavilion: PavilionCode;
  /** The listing as the import read it: the change applies only while it is still so (version, stock, reserved). */
  readonly seen: Product;
  /** New content (a new version), if the row changes any. */
  readonly content?: ListingContent;
  /** Change of free stock, recorded as an 'import' movement, if the row changes on hand. */
  readonly stockDelta?: number;
  readonly by: string;
  readonly at: string;
}

export interface BulkCreateResult {
  readonly created: readonly string[];
  /** Ids that turned out to exist already (someone created them since the plan was made). */
  readonly existed: readonly string[];
}

/** The pavilion workspace's guarded writes on the product items (reads are strongly consistent). */
export interface ListingStore {
  listOwn(query: OwnListingQuery): Promise<ProductPage>;
  get(id: string): Promise<Product | null>;
  getMany(ids: readonly string[]): Promise<Map<string, Product>>;
  /** Writes a new listing and counts it on its pavilion, atomically. */
  create(product: Product): Promise<void>;
  /** Many new listings (bulk import): each written only if absent, counted on the pavilion. */
  createMany(pavilion: PavilionCode, products: readonly Product[]): Promise<BulkCreateResult>;
  /** Writes the editable fields only, if `version` still equals `expectedVersion`; returns the listing after. */
  update(id: string, pavilion: PavilionCode, expectedVersion: number, content: ListingContent, at: string): Promise<Product>;
  /** Archives (or restores) a listing and keeps the pavilion's product count in step. */
  setStatus(id: string, pavilion: PavilionCode, status: ProductStatus, expectedVersion: number | undefined, at: string): Promise<Product>;
  /**
   * Applies an import row's content and stock change together (one UpdateItem, or one transaction
   * with the movement record), all or nothing. Refuses with 'stale_version' when the content moved
   * on, 'stock_moved' when only the stock did, 'missing' or 'not_yours'.
   */
  applyImportChange(change: ImportChange): Promise<void>;
  /** Applies a stock delta with its movement record in one transaction; returns the listing after. */
  changeStock(write: StockWrite): Promise<Product>;
  stockMovements(id: string, limit: number): Promise<readonly StockMovement[]>;
}
