import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createDynamoClients } from '../../functions/adapters/dynamodb/client.js';
import { DynamoCatalogueStore } from '../../functions/adapters/dynamodb/catalogue-store.js';
import { SEED_PAVILIONS, syntheticProducts } from './seed/index.js';
import { LOCAL_TABLE_NAME } from './stack.js';

/**
 * `npm run seed:synthetic -- 10000`: adds N synthetic listings to the running local store's table,
 * to look at the site and the workspace at expo scale (the expo had 10,000+ kinds of goods).
 * Then `npm run build:site` (or a restart) publishes them; product images use the category art.
 */
const count = Number(process.argv[2] ?? 1000);
if (!Number.isInteger(count) || count < 1 || count > 100_000) {
  console.error('Usage: npm run seed:synthetic -- <count 1..100000>');
  process.exit(1);
}
const endpointFile = resolve(process.env.DATA_DIR ?? '.data', 'dynamodb-endpoint');
if (!existsSync(endpointFile)) {
  console.error('Start the store first (npm start): this adds to its table.');
  process.exit(1);
}
const { doc } = createDynamoClients({ endpoint: readFileSync(endpointFile, 'utf8').trim(), region: 'local' });
const started = Date.now();
await new DynamoCatalogueStore(doc, LOCAL_TABLE_NAME).putProducts(syntheticProducts(count, SEED_PAVILIONS, new Date()));
console.log(`Added ${count} synthetic products in ${((Date.now() - started) / 1000).toFixed(1)} s. Run npm run build:site to publish them.`);
