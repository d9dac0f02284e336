import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoCatalogueStore } from '../../functions/adapters/dynamodb/catalogue-store.js';
import { createApi } from '../../functions/http/api.js';
import { aPavilion, aProduct } from '../fixtures/products.js';
import { createTestTable } from '../support/table.js';

let api: ReturnType<typeof createApi>;
const kgHoney = [aProduct({ sku: 'KG-HNY-1' }), aProduct({ sku: 'KG-HNY-2' }), aProduct({ sku: 'KG-HNY-3' })];
const kgJam = aProduct({ sku: 'KG-JAM-1', category: 'jam' });
const kgArchived = aProduct({ sku: 'KG-OLD-1', status: 'archived' });
const ruHoney = aProduct({ pavilion: 'RU', sku: 'RU-HNY-1', price: { amount: 45_000, currency: 'RUB' } });

async function json(path: string) {
  const response = await api.request(path);
  return { response, body: (await response.json()) as any };
}

beforeAll(async () => {
  const { doc, tableName } = await createTestTable('catalogue');
  const catalogue = new DynamoCatalogueStore(doc, tableName);
  await catalogue.putPavilion(aPavilion());
  await catalogue.putPavilion(aPavilion({ code: 'RU', currency: 'RUB', name: { zh: '俄罗斯', ru: 'Россия', en: 'Russia' } }));
  await catalogue.putPavilion(aPavilion({ code: 'EG', currency: 'EGP', name: { zh: '埃及', ru: 'Египет', en: 'Egypt' } }));
  await catalogue.putProducts([...kgHoney, kgJam, kgArchived, ruHoney]);
  api = createApi({ catalogue });
});

describe('GET /api/pavilions', () => {
  it('lists every pavilion with its names in three languages, currency and active product count', async () => {
    const { response, body } = await json('/api/pavilions');
    expect(response.status).toBe(200);
    const byCode = Object.fromEntries(body.items.map((p: any) => [p.code, p]));
    expect(Object.keys(byCode).sort()).toEqual(['EG', 'KG', 'RU']);
    expect(byCode.KG.name).toEqual({ zh: '吉尔吉斯斯坦', ru: 'Кыргызстан', en: 'Kyrgyzstan' });
    expect(byCode.KG.currency).toBe('KGS');
    expect(byCode.KG.productCount).toBe(4);
    expect(byCode.RU.productCount).toBe(1);
    expect(byCode.EG.productCount).toBe(0);
  });
});

describe('GET /api/products', () => {
  it('lists a pavilion’s active products newest first, never archived ones', async () => {
    const { response, body } = await json('/api/products?pavilion=KG');
    expect(response.status).toBe(200);
    expect(body.items.map((p: any) => p.sku)).toEqual(['KG-JAM-1', 'KG-HNY-3', 'KG-HNY-2', 'KG-HNY-1']);
    expect(body.nextCursor).toBeNull();
  });

  it('narrows a pavilion to a category', async () => {
    const { body } = await json('/api/products?pavilion=KG&category=honey');
    expect(body.items.map((p: any) => p.sku)).toEqual(['KG-HNY-3', 'KG-HNY-2', 'KG-HNY-1']);
  });

  it('lists a category across pavilions, and the whole catalogue without filters', async () => {
    const honey = await json('/api/products?category=honey');
    expect(honey.body.items.map((p: any) => p.sku)).toEqual(['RU-HNY-1', 'KG-HNY-3', 'KG-HNY-2', 'KG-HNY-1']);
    const all = await json('/api/products');
    expect(all.body.items).toHaveLength(5);
  });

  it('pages with nextCursor until every product was seen exactly once', async () => {
    const seen: string[] = [];
    let path = '/api/products?pavilion=KG&limit=1';
    for (let i = 0; i < 10; i++) {
      const { response, body } = await json(path);
      expect(response.status).toBe(200);
      seen.push(...body.items.map((p: any) => p.sku));
      if (!body.nextCursor) break;
      path = `/api/products?pavilion=KG&limit=1&cursor=${body.nextCursor}`;
    }
    expect(seen).toEqual(['KG-JAM-1', 'KG-HNY-3', 'KG-HNY-2', 'KG-HNY-1']);
  });

  it('shows shoppers no reserved or sold counts and no edit version', async () => {
    const { body } = await json('/api/products?pavilion=RU');
    expect(body.items[0]).not.toHaveProperty('reserved');
    expect(body.items[0]).not.toHaveProperty('sold');
    expect(body.items[0]).not.toHaveProperty('version');
    expect(body.items[0].price).toEqual({ amount: 45_000, currency: 'RUB' });
  });

  it.each([
    ['an unknown pavilion', '/api/products?pavilion=ZZ', 'pavilion'],
    ['a lower-case pavilion code', '/api/products?pavilion=kg', 'pavilion'],
    ['an unknown category', '/api/products?category=caviar', 'category'],
    ['a limit of zero', '/api/products?limit=0', 'limit'],
    ['a limit above 100', '/api/products?limit=101', 'limit'],
    ['a limit that is not a number', '/api/products?limit=ten', 'limit'],
    ['a fractional limit', '/api/products?limit=2.5', 'limit'],
    ['a cursor that is not base64url JSON', '/api/products?cursor=%%%', 'cursor'],
    ['a cursor that decodes to garbage', `/api/products?cursor=${Buffer.from('nope').toString('base64url')}`, 'cursor'],
    ['an unknown query parameter', '/api/products?pavillion=KG', '(root)'],
    ['a sort parameter we do not offer', '/api/products?pavilion=KG&sort=price', '(root)'],
  ])('answers %s with 400 problem+json naming the field', async (_case, path, field) => {
    const { response, body } = await json(path);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(body.status).toBe(400);
    expect(body.title).toBeTruthy();
    expect(body.errors.map((e: any) => e.field)).toContain(field);
  });

  it('refuses a cursor taken from another pavilion’s listing with 400', async () => {
    const first = await json('/api/products?pavilion=KG&limit=1');
    const { response } = await json(`/api/products?pavilion=RU&cursor=${first.body.nextCursor}`);
    expect(response.status).toBe(400);
  });

  it.each([
    ['/api/products?pavilion=KG', { PK: 'PRODUCT#x', SK: 'PRODUCT', GSI1PK: 'PAVILION#KG', GSI1SK: 'ZZZ' }],
    ['/api/products?category=honey', { PK: 'PRODUCT#x', SK: 'PRODUCT', GSI2PK: 'CATEGORY#honey', GSI2SK: 'archived#x' }],
  ])('refuses a cursor whose sort key lies outside the listing (%s) with 400, not a DynamoDB error', async (path, key) => {
    const forged = Buffer.from(JSON.stringify(key)).toString('base64url');
    const { response } = await json(`${path}&cursor=${forged}`);
    expect(response.status).toBe(400);
  });

  it('refuses a cursor with forged key values with 400, not a DynamoDB error', async () => {
    const forged = Buffer.from(JSON.stringify({ PK: 1, SK: 'x', GSI1PK: 'PAVILION#KG', GSI1SK: 'y' })).toString('base64url');
    const { response } = await json(`/api/products?pavilion=KG&cursor=${forged}`);
    expect(response.status).toBe(400);
  });
});

describe('GET /api/products/{id}', () => {
  it('gives one product with its live stock', async () => {
    const { response, body } = await json(`/api/products/${kgHoney[0]!.id}`);
    expect(response.status).toBe(200);
    expect(body.id).toBe(kgHoney[0]!.id);
    expect(body.stock).toBe(10);
    expect(body.title.ru).toBe('Тестовый мёд');
  });

  it('answers an unknown or archived id with 404 problem+json', async () => {
    for (const id of ['kg-nothing-here', kgArchived.id]) {
      const { response, body } = await json(`/api/products/${id}`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(body.status).toBe(404);
    }
  });

  it('answers a malformed id with 400', async () => {
    const { response } = await json('/api/products/NOT%20AN%20ID');
    expect(response.status).toBe(400);
  });
});

describe('GET /api/openapi.json', () => {
  it('documents the catalogue routes from the zod schemas', async () => {
    const { response, body } = await json('/api/openapi.json');
    expect(response.status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/api/pavilions', '/api/products', '/api/products/{id}']));
    expect(body.components.schemas.Product).toBeDefined();
  });
});

it('answers unknown API paths with 404 problem+json', async () => {
  const { response } = await json('/api/nothing');
  expect(response.status).toBe(404);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
});
