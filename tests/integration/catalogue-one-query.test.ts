import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoCatalogueStore, productItem } from '../../functions/adapters/dynamodb/catalogue-store.js';
import { DynamoRateStore } from '../../functions/adapters/dynamodb/rate-store.js';
import type { Product } from '../../functions/domain/catalogue.js';
import { createApi } from '../../functions/http/api.js';
import { createCatalogueApp } from '../../functions/http/catalogue-app.js';
import { aPavilion, aProduct } from '../fixtures/products.js';
import { fileRatesSnapshot } from '../fixtures/rates.js';
import { recordDynamoCalls } from '../support/consumed-capacity.js';
import { createTestTable } from '../support/table.js';

/**
 * Every catalogue route reads at most one page of items, whatever the catalogue holds (issue 13,
 * "Every listing page is one Query"). Kyrgyzstan has 400 honeys and one jar of jam, its oldest
 * listing: a category filter over the pavilion's partition would read all 400 to find it (or, for
 * tea, which it does not sell, to find nothing). DynamoDB Local reports ConsumedCapacity as DynamoDB
 * does: an eventually consistent read costs 0.5 unit per 4 KB, a Query summed over the items it reads.
 */
const HONEYS = 400;
/** Listings as large as the seed's largest (infra/local/seed: 1.8 to 2.6 KB as JSON, median 2.1 KB). */
const description = {
  zh: '伊塞克湖畔高山草甸的野花蜜，冷榨过滤，不加热，保留花粉与酶。'.repeat(6),
  ru: 'Горный мёд с высокогорных лугов у озера Иссык-Куль, холодный отжим, без нагрева. '.repeat(4),
  en: 'Wildflower honey from the alpine meadows above Lake Issyk-Kul, cold-strained, never heated. '.repeat(4),
};

const jam = aProduct({ sku: 'KG-JAM-ONLY', category: 'jam', description });
const honeys = Array.from({ length: HONEYS }, (_, i) => aProduct({ sku: `KG-HNY-${String(i).padStart(4, '0')}`, description }));
const ruHoneys = Array.from({ length: 30 }, (_, i) =>
  aProduct({ pavilion: 'RU', sku: `RU-HNY-${i}`, price: { amount: 45_000, currency: 'RUB' }, description }),
);
const catalogueItems: Product[] = [jam, ...honeys, ...ruHoneys];

/**
 * The most one page of `limit` listings may cost: each item at most `largest` bytes (its JSON, which
 * is longer than DynamoDB's own count of names and values), 0.5 unit per started 4 KB of the sum.
 * Here the items are 2.6 KB: a page of 24 may cost 0.5 × ⌈24 × 2,651 / 4,096⌉ = 8 units (measured: 7.5),
 * a page of 100 at most 33 (measured: 29.5). The filter this replaced read all 401 of the pavilion's
 * listings for `jam` or `tea`: 17 Queries, 125 units.
 */
const largest = Math.max(...catalogueItems.map((product) => Buffer.byteLength(JSON.stringify(productItem(product)))));
const pageBound = (limit: number) => 0.5 * Math.ceil((limit * largest) / 4096);
/** A GetItem of one item under 4 KB (a pavilion, a product, the rates). */
const ONE_SMALL_READ = 0.5;

let api: ReturnType<typeof createApi>;
let recorder: ReturnType<typeof recordDynamoCalls>;

beforeAll(async () => {
  const { doc, tableName } = await createTestTable('one-query');
  const catalogue = new DynamoCatalogueStore(doc, tableName);
  await catalogue.putPavilion(aPavilion());
  await catalogue.putPavilion(aPavilion({ code: 'RU', currency: 'RUB', name: { zh: '俄罗斯', ru: 'Россия', en: 'Russia' } }));
  await catalogue.putProducts(catalogueItems);
  const rateStore = new DynamoRateStore(doc, tableName);
  await rateStore.save(fileRatesSnapshot());
  recorder = recordDynamoCalls(doc);
  api = createApi({ catalogue, rateStore, clock: { now: () => new Date() } });
});

/** One request through the API, with every DynamoDB command it sent. */
async function measure(path: string) {
  recorder.reset();
  const response = await api.request(path);
  const body = (await response.json()) as any;
  const calls = [...recorder.calls];
  return { response, body, calls, readUnits: calls.reduce((sum, call) => sum + call.readUnits, 0) };
}

function expectOneQueryPage(calls: Awaited<ReturnType<typeof measure>>['calls'], limit: number) {
  const queriesSent = calls.filter((call) => call.command === 'Query');
  expect(queriesSent).toHaveLength(1);
  expect(calls.filter((call) => call.filter)).toEqual([]);
  // Besides the Query, at most the GetItem that tells an unknown pavilion from an empty one.
  expect(calls.map((call) => call.command).sort()).toEqual(calls.length === 2 ? ['GetItem', 'Query'] : ['Query']);
  expect(queriesSent[0]!.readUnits).toBeLessThanOrEqual(pageBound(limit));
}

const LISTINGS = [
  ['the whole catalogue', '/api/products', 24],
  ['a pavilion', '/api/products?pavilion=KG', 24],
  ['a category', '/api/products?category=honey', 24],
  ['a pavilion’s largest category', '/api/products?pavilion=KG&category=honey', 24],
  ['a pavilion’s rare category (its oldest listing)', '/api/products?pavilion=KG&category=jam', 24],
  ['a category’s pavilion (the same set)', '/api/products?category=jam&pavilion=KG', 24],
  ['a category a pavilion does not sell', '/api/products?pavilion=KG&category=tea', 24],
  ['the longest page', '/api/products?pavilion=KG&limit=100', 100],
] as const;

describe('each catalogue listing page is one Query, with no filter', () => {
  it.each(LISTINGS)('%s: %s', async (_name, path, limit) => {
    const { response, body, calls, readUnits } = await measure(path);
    expect(response.status).toBe(200);
    expectOneQueryPage(calls, limit);
    // Capacity is reported at all (an empty page reads nothing; DynamoDB Local then reports 0).
    if (body.items.length > 0) expect(readUnits).toBeGreaterThan(0);
    expect(readUnits).toBeLessThanOrEqual(pageBound(limit) + ONE_SMALL_READ);
  });

  it('finds the rare category’s only listing, at the far end of a pavilion of 400, in one Query', async () => {
    const { body, calls } = await measure('/api/products?pavilion=KG&category=jam');
    expect(body.items.map((product: any) => product.sku)).toEqual(['KG-JAM-ONLY']);
    expect(body.nextCursor).toBeNull();
    expectOneQueryPage(calls, 24);
  });

  it('answers a category absent from a pavilion with an empty page, in one Query that reads nothing', async () => {
    const { response, body, calls } = await measure('/api/products?pavilion=KG&category=tea');
    expect(response.status).toBe(200);
    expect(body).toEqual({ items: [], nextCursor: null });
    expectOneQueryPage(calls, 24);
    // No item was read: DynamoDB charges its minimum of 0.5 unit, DynamoDB Local reports 0.
    expect(calls.find((call) => call.command === 'Query')!.readUnits).toBeLessThanOrEqual(0.5);
  });

  it('reads the next page of a filtered listing with one Query too', async () => {
    const first = await measure('/api/products?pavilion=KG&category=honey&limit=24');
    expect(first.body.items).toHaveLength(24);
    expect(first.body.items.every((product: any) => product.category === 'honey')).toBe(true);
    const second = await measure(`/api/products?pavilion=KG&category=honey&limit=24&cursor=${first.body.nextCursor}`);
    expect(second.response.status).toBe(200);
    expect(second.body.items).toHaveLength(24);
    expect(second.body.items[0].sku < first.body.items[23].sku).toBe(true);
    expectOneQueryPage(second.calls, 24);
  });
});

describe('the catalogue’s other reads are one GetItem or one Query', () => {
  const ONE_READ = [
    ['/api/pavilions', 'Query'],
    [`/api/products/${honeys[7]!.id}`, 'GetItem'],
    ['/api/rates', 'GetItem'],
  ] as const;

  it.each(ONE_READ)('%s: one %s', async (path, command) => {
    const { response, calls, readUnits } = await measure(path);
    expect(response.status).toBe(200);
    expect(calls.map((call) => ({ command: call.command, filter: call.filter }))).toEqual([{ command, filter: false }]);
    expect(readUnits).toBeGreaterThan(0);
    expect(readUnits).toBeLessThanOrEqual(ONE_SMALL_READ);
  });

  it('covers every route of the catalogue app', () => {
    const routes = createCatalogueApp({ catalogue: {} as never }).routes.map((route) => `${route.method} ${route.path}`);
    const tested = [
      ...LISTINGS.map(([, path]) => path),
      ...ONE_READ.map(([path]) => path),
    ].map((path) => `GET ${new URL(path, 'http://x').pathname.replace(/^\/api/, '').replace(honeys[7]!.id, ':id')}`);
    expect(new Set(routes)).toEqual(new Set(tested));
  });
});
