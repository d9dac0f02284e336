import type { Product } from '../domain/catalogue.js';
import type { CatalogueStore } from '../ports/catalogue-store.js';

/** The current catalogue entry of each id (null when there is none), read in parallel: a cart holds at most 40. */
export async function loadProducts(catalogue: CatalogueStore, ids: readonly string[]): Promise<Map<string, Product | null>> {
  const unique = [...new Set(ids)];
  const products = await Promise.all(unique.map((id) => catalogue.getProduct(id)));
  return new Map(unique.map((id, index) => [id, products[index] ?? null]));
}
