import type { Product } from '../../functions/domain/catalogue.js';
import type { PavilionCode } from '../../functions/domain/pavilion.js';
import { touchesPublishedPages } from '../../functions/domain/publishing.js';
import type { CatalogueStore } from '../../functions/ports/catalogue-store.js';
import type { ListingStore } from '../../functions/ports/listing-store.js';

/** What changed the published pages: a listing (product id) or a pavilion (its code). */
export type PublishedChange = { readonly product: string } | { readonly pavilion: PavilionCode };

/**
 * The local stand-in for the table's stream (functions/handlers/republish.ts in AWS): the stores
 * the API writes the catalogue through, wrapped so that each write compares the item before and
 * after it by the same rule (functions/domain/publishing.ts) and reports only changes to what the
 * pages show. A stock count moves live counters only, so it rebuilds nothing, as in AWS.
 */
export function observeCatalogueWrites(
  stores: { readonly listings: ListingStore; readonly catalogue: CatalogueStore },
  onPublishedChange: (change: PublishedChange) => void,
): { readonly listings: ListingStore; readonly catalogue: CatalogueStore } {
  const { listings, catalogue } = stores;
  const report = (product: string, before: Product | null, after: Product | null) => {
    if (touchesPublishedPages(before, after)) onPublishedChange({ product });
  };
  /** Reads the listing around a write (locally only: two strongly consistent reads more). */
  const around = async <T>(id: string, write: () => Promise<T>): Promise<T> => {
    const before = await listings.get(id);
    const result = await write();
    report(id, before, await listings.get(id));
    return result;
  };

  const observedListings: ListingStore = {
    listOwn: (query) => listings.listOwn(query),
    get: (id) => listings.get(id),
    getMany: (ids) => listings.getMany(ids),
    stockMovements: (id, limit) => listings.stockMovements(id, limit),
    create: async (product) => {
      await listings.create(product);
      report(product.id, null, product);
    },
    createMany: async (pavilion, products) => {
      const result = await listings.createMany(pavilion, products);
      const created = new Set(result.created);
      for (const product of products) if (created.has(product.id)) report(product.id, null, product);
      return result;
    },
    update: (id, pavilion, expectedVersion, content, at) => around(id, () => listings.update(id, pavilion, expectedVersion, content, at)),
    setStatus: (id, pavilion, status, expectedVersion, at) => around(id, () => listings.setStatus(id, pavilion, status, expectedVersion, at)),
    changeStock: (write) => around(write.id, () => listings.changeStock(write)),
    // An import may change thousands of rows: the row's `seen` is the listing as the write's condition
    // held it, so the after is known without reading it back.
    applyImportChange: async (change) => {
      await listings.applyImportChange(change);
      const { seen } = change;
      const after: Product = { ...seen, ...change.content, stock: seen.stock + (change.stockDelta ?? 0), version: seen.version + (change.content ? 1 : 0), updatedAt: change.at };
      report(change.id, seen, after);
    },
  };

  const pavilionAround = async <T>(code: PavilionCode, write: () => Promise<T>): Promise<T> => {
    const before = await catalogue.getPavilion(code);
    const result = await write();
    if (touchesPublishedPages(before, await catalogue.getPavilion(code))) onPublishedChange({ pavilion: code });
    return result;
  };

  const observedCatalogue: CatalogueStore = {
    listPavilions: () => catalogue.listPavilions(),
    getPavilion: (code) => catalogue.getPavilion(code),
    getPavilions: (codes) => catalogue.getPavilions(codes),
    listProducts: (query) => catalogue.listProducts(query),
    getProduct: (id) => catalogue.getProduct(id),
    allActiveProducts: () => catalogue.allActiveProducts(),
    // The pavilion workspace's freight rates; the other two writes are seeding's.
    setFreightRates: (code, rates) => pavilionAround(code, () => catalogue.setFreightRates(code, rates)),
    putPavilion: (pavilion) => pavilionAround(pavilion.code, () => catalogue.putPavilion(pavilion)),
    putProducts: async (products) => {
      const before = await Promise.all(products.map((product) => catalogue.getProduct(product.id)));
      await catalogue.putProducts(products);
      products.forEach((product, i) => report(product.id, before[i] ?? null, product));
    },
  };

  return { listings: observedListings, catalogue: observedCatalogue };
}
