import { CreateTableCommand, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDynamoClients } from '../../functions/adapters/dynamodb/client.js';
import { startDynamoLocal } from '../../infra/local/dynamodb-local.js';
import { DynamoCatalogueStore, productItem } from '../../functions/adapters/dynamodb/catalogue-store.js';
import { ensureTable } from '../../functions/adapters/dynamodb/create-table.js';
import { keys } from '../../functions/adapters/dynamodb/keys.js';
import { DynamoListingKeyStore } from '../../functions/adapters/dynamodb/listing-key-store.js';
import { DynamoListingStore } from '../../functions/adapters/dynamodb/listing-store.js';
import { TABLE_SCHEMA } from '../../functions/adapters/dynamodb/table-schema.js';
import type { Category, Product } from '../../functions/domain/catalogue.js';
import type { PavilionCode } from '../../functions/domain/pavilion.js';
import { backfillListingKeys } from '../../functions/usecases/backfill-listing-keys.js';
import { aPavilion, aProduct } from '../fixtures/products.js';
import { recordDynamoCalls } from '../support/consumed-capacity.js';
import { createTestTable } from '../support/table.js';

/**
 * A pavilion's listing of one category has its own index (GSI4, functions/adapters/dynamodb/keys.ts).
 * Every write that places a product in a listing places it there too, and the backfill gives the
 * entry to products written before the index existed.
 */
const skusIn = async (catalogue: DynamoCatalogueStore, pavilion: PavilionCode, category: Category) =>
  (await catalogue.listProducts({ pavilion, category, limit: 100 })).items.map((product) => product.sku);

const contentOf = (product: Product) => {
  const { id, pavilion, sku, status, stock, reserved, sold, version, createdAt, updatedAt, ...content } = product;
  return content;
};

describe('every listing write keeps the pavilion-and-category listing in step', () => {
  let catalogue: DynamoCatalogueStore;
  let listings: DynamoListingStore;

  beforeAll(async () => {
    const { doc, tableName } = await createTestTable('listing-keys');
    catalogue = new DynamoCatalogueStore(doc, tableName);
    listings = new DynamoListingStore(doc, tableName);
    await catalogue.putPavilion(aPavilion());
  });

  it('the seed’s putProducts, a new listing and a bulk import place it under its category', async () => {
    await catalogue.putProducts([aProduct({ sku: 'SEED-1' })]);
    await listings.create(aProduct({ sku: 'NEW-1' }));
    await listings.createMany('KG', [aProduct({ sku: 'BULK-1', category: 'jam' }), aProduct({ sku: 'BULK-2' })]);
    expect(await skusIn(catalogue, 'KG', 'honey')).toEqual(['BULK-2', 'NEW-1', 'SEED-1']);
    expect(await skusIn(catalogue, 'KG', 'jam')).toEqual(['BULK-1']);
  });

  it('an edit that changes the category moves the listing; archiving removes it, restoring brings it back', async () => {
    const product = aProduct({ sku: 'MOVES' });
    await listings.create(product);
    const edited = await listings.update(product.id, 'KG', 1, { ...contentOf(product), category: 'tea' }, new Date().toISOString());
    expect(await skusIn(catalogue, 'KG', 'honey')).not.toContain('MOVES');
    expect(await skusIn(catalogue, 'KG', 'tea')).toEqual(['MOVES']);

    const archived = await listings.setStatus(product.id, 'KG', 'archived', edited.version, new Date().toISOString());
    expect(await skusIn(catalogue, 'KG', 'tea')).toEqual([]);
    await listings.setStatus(product.id, 'KG', 'active', archived.version, new Date().toISOString());
    expect(await skusIn(catalogue, 'KG', 'tea')).toEqual(['MOVES']);
  });

  it('an import row that changes the category (with or without stock) moves the listing', async () => {
    const product = aProduct({ sku: 'IMPORTED' });
    await listings.create(product);
    await listings.applyImportChange({ id: product.id, pavilion: 'KG', seen: product, content: { ...contentOf(product), category: 'oils' }, by: 'test', at: new Date().toISOString() });
    expect(await skusIn(catalogue, 'KG', 'oils')).toEqual(['IMPORTED']);
    const seen = (await listings.get(product.id))!;
    await listings.applyImportChange({ id: product.id, pavilion: 'KG', seen, content: { ...contentOf(seen), category: 'spices' }, stockDelta: 5, by: 'test', at: new Date().toISOString() });
    expect(await skusIn(catalogue, 'KG', 'oils')).toEqual([]);
    expect(await skusIn(catalogue, 'KG', 'spices')).toEqual(['IMPORTED']);
  });
});

describe('the backfill of a table kept from before the index', () => {
  const pavilions = [aPavilion(), aPavilion({ code: 'RU', currency: 'RUB' })];
  const older = [
    ...Array.from({ length: 130 }, (_, i) => aProduct({ sku: `OLD-HNY-${i}` })),
    aProduct({ sku: 'OLD-JAM', category: 'jam' }),
    aProduct({ sku: 'OLD-ARCHIVED', category: 'jam', status: 'archived' }),
    aProduct({ pavilion: 'RU', sku: 'RU-OLD-JAM', category: 'jam', price: { amount: 45_000, currency: 'RUB' } }),
  ];
  let table: { raw: ReturnType<typeof createDynamoClients>['raw']; doc: ReturnType<typeof createDynamoClients>['doc']; endpoint: string };
  let catalogue: DynamoCatalogueStore;
  let tableName: string;
  let stopDynamo: (() => Promise<void>) | undefined;

  /** Each product item as stored, read strongly consistently. */
  const storedItems = () =>
    Promise.all(older.map(async (product) => (await table.doc.send(new GetCommand({ TableName: tableName, Key: keys.product(product.id), ConsistentRead: true }))).Item));

  beforeAll(async () => {
    // A DynamoDB Local of its own: building an index on a loaded table can stall the instance the other test files share.
    const dynamo = await startDynamoLocal();
    stopDynamo = () => dynamo.stop();
    table = { ...createDynamoClients({ endpoint: dynamo.endpoint, region: 'local' }), endpoint: dynamo.endpoint };
    // The table as it was before GSI4: the schema's other indexes only, and products written without its entry.
    tableName = `before-gsi4-${randomUUID().slice(0, 8)}`;
    const earlier = TABLE_SCHEMA.globalIndexes.filter((index) => index.indexName !== 'GSI4');
    await table.raw.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: ['PK', 'SK', ...earlier.flatMap((index) => [index.partitionKey, index.sortKey])].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
        KeySchema: [{ AttributeName: 'PK', KeyType: 'HASH' }, { AttributeName: 'SK', KeyType: 'RANGE' }],
        GlobalSecondaryIndexes: earlier.map((index) => ({
          IndexName: index.indexName,
          KeySchema: [{ AttributeName: index.partitionKey, KeyType: 'HASH' }, { AttributeName: index.sortKey, KeyType: 'RANGE' }],
          Projection: { ProjectionType: 'ALL' },
        })),
      }),
    );
    catalogue = new DynamoCatalogueStore(table.doc, tableName);
    for (const pavilion of pavilions) await catalogue.putPavilion(pavilion);
    const entryNames = Object.keys(keys.pavilionCategoryEntry(older[0]!));
    for (const product of older) {
      const item = Object.fromEntries(Object.entries(productItem(product)).filter(([name]) => !entryNames.includes(name)));
      await table.doc.send(new PutCommand({ TableName: tableName, Item: item }));
    }
  }, 120_000);

  afterAll(async () => {
    table?.raw.destroy();
    await stopDynamo?.();
  });

  it('the local runner’s ensureTable adds the missing index to the kept table', async () => {
    expect(await ensureTable(table.raw, tableName)).toBe('existing');
    const { Table } = await table.raw.send(new DescribeTableCommand({ TableName: tableName }));
    expect(Table?.GlobalSecondaryIndexes?.map((index) => index.IndexName).sort()).toEqual(TABLE_SCHEMA.globalIndexes.map((index) => index.indexName).sort());
    }, 120_000);

  it('shows the older products in the filtered listing once backfilled, and a second run writes nothing', async () => {
    expect(await skusIn(catalogue, 'KG', 'jam')).toEqual([]);
    expect(await skusIn(catalogue, 'RU', 'jam')).toEqual([]);

    const deps = { catalogue, listingKeys: new DynamoListingKeyStore(table.doc, tableName) };
    // Every product is read, archived ones too (a restore must find its entry), over more than one page per pavilion.
    expect(await backfillListingKeys(deps)).toEqual({ pavilions: 2, checked: older.length, updated: older.length, linesChecked: 0, linesUpdated: 0 });
    expect(await skusIn(catalogue, 'KG', 'jam')).toEqual(['OLD-JAM']);
    expect(await skusIn(catalogue, 'RU', 'jam')).toEqual(['RU-OLD-JAM']);
    expect(await skusIn(catalogue, 'KG', 'honey')).toHaveLength(100);

    const before = await storedItems();
    const recorder = recordDynamoCalls(table.doc);
    expect(await backfillListingKeys(deps)).toEqual({ pavilions: 2, checked: older.length, updated: 0, linesChecked: 0, linesUpdated: 0 });
    expect(recorder.calls.filter((call) => call.writeUnits > 0 || call.command === 'UpdateItem')).toEqual([]);
    expect(await storedItems()).toEqual(before);
  });

  it('runs as infra/ops/backfill-listing-keys.ts against a table by name', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'infra/ops/backfill-listing-keys.ts', '--table', tableName, '--endpoint', table.endpoint, '--region', 'local'],
      { env: { ...process.env, AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local' } },
    );
    expect(stdout).toContain('KG: 132 products read, 0 given their listing entry');
    expect(stdout).toContain(`Done: 2 pavilions, ${older.length} products read, 0 updated; 0 paid lines read, 0 updated.`);
  });

  it('the CLI refuses to run without a table', async () => {
    const failure = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'infra/ops/backfill-listing-keys.ts'], { env: { ...process.env, AWS_REGION: 'local' } }).catch((error) => error);
    expect(failure.code).toBe(2);
    expect(failure.stderr).toContain('Usage: npx tsx infra/ops/backfill-listing-keys.ts --table NAME');
  });
});
