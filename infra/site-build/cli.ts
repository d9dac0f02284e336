import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createDynamoClients } from '../../functions/adapters/dynamodb/client.js';
import { DynamoCatalogueStore } from '../../functions/adapters/dynamodb/catalogue-store.js';
import { DynamoRateStore } from '../../functions/adapters/dynamodb/rate-store.js';
import { buildSite } from './build-site.js';
import { readCatalogueSnapshot, writeCatalogueSnapshot } from './catalogue-snapshot.js';

/**
 * `npm run build:site`: snapshot the catalogue from the table, then build site/dist (the pages, then
 * their Pagefind search index in site/dist/pagefind/, which the republish build syncs to S3 with them).
 * In AWS (the republish build) TABLE_NAME and the region come from the environment; locally it
 * reads the running store's DynamoDB Local endpoint from .data/ unless DYNAMODB_ENDPOINT is set.
 */
const localEndpointFile = resolve('.data/dynamodb-endpoint');
const endpoint =
  process.env.DYNAMODB_ENDPOINT ?? (process.env.TABLE_NAME || !existsSync(localEndpointFile) ? undefined : readFileSync(localEndpointFile, 'utf8').trim());
const tableName = process.env.TABLE_NAME ?? 'sco-bazaar';
if (!process.env.TABLE_NAME && !endpoint) {
  console.error('No table to read: start the store (npm start) or set TABLE_NAME (and DYNAMODB_ENDPOINT for a local table).');
  process.exit(1);
}
const { doc } = createDynamoClients({ endpoint, region: process.env.AWS_REGION ?? 'local' });
const snapshotPath = resolve(process.env.CATALOGUE_SNAPSHOT ?? '.data/catalogue-snapshot.json');
const snapshot = await readCatalogueSnapshot(new DynamoCatalogueStore(doc, tableName), new Date(), new DynamoRateStore(doc, tableName));
await writeCatalogueSnapshot(snapshot, snapshotPath);
console.log(`Snapshot: ${snapshot.pavilions.length} pavilions, ${snapshot.products.length} products, rates ${snapshot.rates ? `of ${snapshot.rates.asOf}` : 'none'}`);
// The public origin the pages are built for (canonical, hreflang, sitemap): SITE_URL in AWS (the republish build), else the local store's.
const siteUrl = process.env.SITE_URL || process.env.PUBLIC_BASE_URL || `http://localhost:${process.env.PORT ?? 4321}`;
await buildSite({ snapshotPath, outDir: resolve(process.env.SITE_DIR ?? 'site/dist'), siteUrl });
