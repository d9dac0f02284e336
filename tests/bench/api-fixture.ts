import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoCatalogueStore } from '../../functions/adapters/dynamodb/catalogue-store.js';
import type { Product } from '../../functions/domain/catalogue.js';
import { SEED_PAVILIONS, seedProducts, syntheticProducts } from '../../infra/local/seed/index.js';

/** What the API cases read and write: the seeded products, one filtered listing and a product with stock for every checkout. */
export interface ApiFixture {
  readonly productIds: readonly string[];
  readonly listing: { readonly pavilion: string; readonly category: string };
  readonly stockProductId: string;
  readonly productCount: number;
}

export const STOCK_PRODUCT_ID = 'kg-bench-stock';

/**
 * Adds `extra` synthetic products to the stack's seeded table (so listings page through a catalogue
 * of that size) and one product with ten million units: the cheapest seeded KG listing under a new
 * id, so checkouts never run out and stay under China's per-order limit.
 */
export async function prepareCatalogue(doc: DynamoDBDocumentClient, tableName: string, extra: number): Promise<ApiFixture> {
  const catalogue = new DynamoCatalogueStore(doc, tableName);
  const seeded = seedProducts(new Date()).filter((product) => product.status === 'active');
  if (extra > 0) await catalogue.putProducts(syntheticProducts(extra, SEED_PAVILIONS, new Date()));
  const cheapest = seeded.filter((product) => product.pavilion === 'KG').sort((a, b) => a.price.amount - b.price.amount)[0]!;
  const stocked: Product = { ...cheapest, id: STOCK_PRODUCT_ID, sku: 'BENCH-STOCK', stock: 10_000_000, reserved: 0, sold: 0 };
  await catalogue.putProducts([stocked]);
  const honey = seeded.find((product) => product.pavilion === 'KG' && product.category === 'honey') ?? seeded[0]!;
  return {
    productIds: seeded.map((product) => product.id),
    listing: { pavilion: honey.pavilion, category: honey.category },
    stockProductId: STOCK_PRODUCT_ID,
    productCount: seeded.length + extra + 1,
  };
}

/** Carts made through the API itself, each with `quantity` units of the stocked product when given. */
export async function createCarts(baseUrl: string, count: number, line?: { productId: string; quantity: number }): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const created = await fetch(`${baseUrl}/api/carts`, { method: 'POST' });
    if (created.status !== 201 && created.status !== 200) throw new Error(`POST /api/carts answered ${created.status}`);
    const { id } = (await created.json()) as { id: string };
    if (line) {
      const put = await fetch(`${baseUrl}/api/carts/${id}/lines/${line.productId}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ quantity: line.quantity }),
      });
      if (put.status !== 200) throw new Error(`PUT cart line answered ${put.status}: ${await put.text()}`);
    }
    ids.push(id);
  }
  return ids;
}
