import type { Product } from '../domain/catalogue.js';
import type { PavilionCode } from '../domain/pavilion.js';
import type { CatalogueStore, ProductPage, ProductQuery } from '../ports/catalogue-store.js';

export type CatalogueRefusal = { readonly reason: 'unknown_pavilion'; readonly pavilion: PavilionCode };

export class CatalogueRefusedError extends Error {
  constructor(readonly refusal: CatalogueRefusal) {
    super(`Catalogue query refused: ${refusal.reason}`);
    this.name = 'CatalogueRefusedError';
  }
}

/** A page of products on sale, newest first; asking for a pavilion that does not exist is a mistake, not an empty page. */
export async function productsOnSale(catalogue: CatalogueStore, query: ProductQuery): Promise<ProductPage> {
  if (query.pavilion && !(await catalogue.getPavilion(query.pavilion))) throw new CatalogueRefusedError({ reason: 'unknown_pavilion', pavilion: query.pavilion });
  return catalogue.listProducts(query);
}

/** A product a shopper may see: an archived one is no longer on sale, so it is not there at all. */
export async function productOnSale(catalogue: CatalogueStore, id: string): Promise<Product | null> {
  const product = await catalogue.getProduct(id);
  return product?.status === 'active' ? product : null;
}
