import type { Product } from '../domain/catalogue.js';
import type { CatalogueStore } from '../ports/catalogue-store.js';

/**
 * The current catalogue entry of each id (null when there is none), read in parallel: a cart holds at most 40.
 * Entries the caller has just read (`known`) are not read again.
 */
export async function loadProducts(catalogue: CatalogueStore, ids: readonly string[], known: ReadonlyMap<string, Product | null> = new Map()): Promise<Map<string, Product | null>> {
  const unique = [...new Set(ids)].filter((id) => !known.has(id));
  const products = await Promise.all(unique.map((id) => catalogue.getProduct(id)));
  const loaded = new Map(unique.map((id, index) => [id, products[index] ?? null]));
  for (const id of new Set(ids)) if (known.has(id)) loaded.set(id, known.get(id) ?? null);
  return loaded;
}
