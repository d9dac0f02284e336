import { performance } from 'node:perf_hooks';
import { createDynamoClients } from '../../functions/adapters/dynamodb/client.js';
import { DynamoCatalogueStore } from '../../functions/adapters/dynamodb/catalogue-store.js';
import { ensureTable } from '../../functions/adapters/dynamodb/create-table.js';
import { createApi } from '../../functions/http/api.js';
import { startDynamoLocal } from '../../infra/local/dynamodb-local.js';
import { SEED_PAVILIONS, syntheticProducts } from '../../infra/local/seed/index.js';

/**
 * `npm run bench`: the catalogue at expo scale (10,000+ kinds of goods) on DynamoDB Local.
 * Numbers are for comparing changes on the same machine, not promises about AWS latency.
 * BENCH_PRODUCTS overrides the product count.
 */
const productCount = Number(process.env.BENCH_PRODUCTS ?? 10_000);
const rounds = 200;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function measure(name: string, run: (i: number) => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    await run(i);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { name, rounds, p50: percentile(times, 50).toFixed(1), p95: percentile(times, 95).toFixed(1), max: times.at(-1)!.toFixed(1) };
}

const dynamo = await startDynamoLocal();
try {
  const { raw, doc } = createDynamoClients({ endpoint: dynamo.endpoint, region: 'local' });
  await ensureTable(raw, 'bench');
  const catalogue = new DynamoCatalogueStore(doc, 'bench');
  for (const pavilion of SEED_PAVILIONS) await catalogue.putPavilion(pavilion);
  const products = syntheticProducts(productCount, [...SEED_PAVILIONS], new Date());
  const loadStart = performance.now();
  await catalogue.putProducts(products);
  const loadSeconds = (performance.now() - loadStart) / 1000;
  console.log(`Loaded ${productCount} products in ${loadSeconds.toFixed(1)} s (${Math.round(productCount / loadSeconds)} items/s, BatchWrite)`);

  const api = createApi({ catalogue });
  const get = async (path: string) => {
    const response = await api.request(path);
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
    return response.json() as Promise<{ nextCursor: string | null }>;
  };
  const ids = products.map((product) => product.id);
  const results = [
    await measure('GET /api/pavilions', () => get('/api/pavilions')),
    await measure('GET /api/products?pavilion=KG (24)', () => get('/api/products?pavilion=KG')),
    await measure('GET /api/products?pavilion=KG&category=honey (24)', () => get('/api/products?pavilion=KG&category=honey')),
    await measure('GET /api/products?category=jam (24)', () => get('/api/products?category=jam')),
    await measure('GET /api/products (100)', () => get('/api/products?limit=100')),
    await measure('GET /api/products/{id}', (i) => get(`/api/products/${ids[(i * 7919) % ids.length]}`)),
  ];
  console.table(results);

  const walkStart = performance.now();
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await get(`/api/products?pavilion=RU&limit=100${cursor ? `&cursor=${cursor}` : ''}`);
    cursor = page.nextCursor;
    pages++;
  } while (cursor);
  console.log(`Walked the RU pavilion in ${pages} pages of 100 in ${(performance.now() - walkStart).toFixed(0)} ms`);
  raw.destroy();
} finally {
  await dynamo.stop();
}
