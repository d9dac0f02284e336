import type { Product } from '../../domain/catalogue.js';
import type { PavilionCode } from '../../domain/pavilion.js';

/**
 * Key design of the single table (see ../shared/DESIGN.md, "Data").
 * Listings sort by createdAt, not updatedAt: stock moves on every checkout and must not
 * reshuffle a pavilion's shelf or rewrite index keys.
 */
export const keys = {
  pavilionsPartition: 'PAVILIONS',
  pavilion: (code: PavilionCode) => ({ PK: 'PAVILIONS', SK: `PAVILION#${code}` }),
  product: (id: string) => ({ PK: `PRODUCT#${id}`, SK: 'PRODUCT' }),
  /** GSI1: a pavilion's products, newest first. GSI2: a category's. GSI3: the whole catalogue. */
  productIndexes: (product: Pick<Product, 'id' | 'pavilion' | 'category' | 'status' | 'createdAt'>) => {
    const order = `${product.status}#${product.createdAt}#${product.id}`;
    return {
      GSI1PK: `PAVILION#${product.pavilion}`,
      GSI1SK: `PRODUCT#${order}`,
      GSI2PK: `CATEGORY#${product.category}`,
      GSI2SK: order,
      GSI3PK: `CATALOGUE#${product.status}`,
      GSI3SK: `${product.createdAt}#${product.id}`,
    };
  },
} as const;

/** Strips the table's own attributes so the domain never sees keys. */
export function withoutKeys<T extends Record<string, unknown>>(item: T): Omit<T, 'PK' | 'SK' | 'GSI1PK' | 'GSI1SK' | 'GSI2PK' | 'GSI2SK' | 'GSI3PK' | 'GSI3SK' | 'ttl' | 'type'> {
  const { PK, SK, GSI1PK, GSI1SK, GSI2PK, GSI2SK, GSI3PK, GSI3SK, ttl, type, ...rest } = item;
  return rest;
}
