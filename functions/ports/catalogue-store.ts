import type { Category, Product } from '../domain/catalogue.js';
import type { FreightRates } from '../domain/freight.js';
import type { Pavilion, PavilionCode } from '../domain/pavilion.js';

/** A pavilion as stored: with its product count, and its freight rates once its manager has set them. */
export interface PavilionSummary extends Pavilion {
  readonly productCount: number;
}

export interface ProductQuery {
  readonly pavilion?: PavilionCode;
  readonly category?: Category;
  readonly limit: number;
  /** Opaque cursor from a previous page of the same query. */
  readonly cursor?: string;
}

export interface ProductPage {
  readonly items: readonly Product[];
  readonly nextCursor: string | null;
}

/** Raised by a store when a cursor does not belong to the query it was sent with. */
export class InvalidCursorError extends Error {
  constructor() {
    super('The cursor is malformed or belongs to another listing');
    this.name = 'InvalidCursorError';
  }
}

export interface CatalogueStore {
  listPavilions(): Promise<readonly PavilionSummary[]>;
  getPavilion(code: PavilionCode): Promise<PavilionSummary | null>;
  /** Several pavilions by code in one read (a cart's, for their freight rates and suspensions), in the order asked; null for no such pavilion. */
  getPavilions(codes: readonly PavilionCode[]): Promise<(PavilionSummary | null)[]>;
  /** Active products, newest first. */
  listProducts(query: ProductQuery): Promise<ProductPage>;
  getProduct(id: string): Promise<Product | null>;
  /** Every active product (site build and seeding only, never a request path): pages through per-pavilion Queries. */
  allActiveProducts(): AsyncIterable<Product>;
  putPavilion(pavilion: Pavilion): Promise<void>;
  /** Replaces a pavilion's freight rates (all modes at once); false when there is no such pavilion. */
  setFreightRates(code: PavilionCode, rates: FreightRates): Promise<boolean>;
  /** Writes products as they are (seeding); the pavilion workspace has its own guarded writes. */
  putProducts(products: readonly Product[]): Promise<void>;
}
