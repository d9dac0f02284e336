import { describe, expect, it } from 'vitest';
import { DynamoCatalogueStore } from '../../functions/adapters/dynamodb/catalogue-store.js';
import { SEED_PAVILIONS, seedCatalogue, seedProducts } from '../../infra/local/seed/index.js';
import { createTestTable } from '../support/table.js';

describe('seedCatalogue against DynamoDB Local', () => {
  it('fills a fresh table: every pavilion counts its products and each product reads back exactly as seeded', async () => {
    const { doc, tableName } = await createTestTable('seed');
    const store = new DynamoCatalogueStore(doc, tableName);
    const now = new Date('2025-06-01T08:00:00Z');
    await seedCatalogue(store, now);

    const products = seedProducts(now);
    const pavilions = await store.listPavilions();
    expect(pavilions.map((pavilion) => pavilion.code).sort()).toEqual(SEED_PAVILIONS.map((pavilion) => pavilion.code).sort());
    for (const pavilion of pavilions) {
      expect(pavilion.productCount, pavilion.code).toBe(products.filter((product) => product.pavilion === pavilion.code).length);
    }
    const honey = products.find((product) => product.sku === 'KG-HNY-001')!;
    expect(await store.getProduct(honey.id)).toEqual(honey);

    const shelf = await store.listProducts({ pavilion: 'KG', category: 'honey', limit: 10 });
    expect(shelf.items.map((product) => product.sku).sort()).toEqual(['KG-HNY-001', 'KG-HNY-002', 'KG-HNY-003', 'KG-HNY-004']);
  });
});
