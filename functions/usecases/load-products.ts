import type { Product } from '../domain/catalogue.js';
import type { CatalogueStore } from '../ports/catalogue-store.js';

/**
 * The current catalogue entry of each id (null when there is none), read in parallel: a cart holds at most 40.
 * Entries the caller has just read (`known`) are not read again.
 */
export async function loadProducts(catalogue: CatalogueStore, ids: readonly string[], known: ReadonlyMap<string, Product | null> = new Map()): Promise<Map<string, Product | null>> {
  const unread = [...new Set(ids)].filter((id) => !known.has(id));
  const products = await Promise.all(unread.map((id) => catalogue.getProduct(id)));
  return new Map([...known, ...unread.map((id, index) => [id, products[index] ?? null] as const)]);
}
