import { randomUUID } from 'node:crypto';
import {
  BatchGetCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { Product, ProductStatus } from '../../domain/catalogue.js';
import { EDITABLE_FIELDS, type ListingContent } from '../../domain/listing.js';
import type { PavilionCode } from '../../domain/pavilion.js';
import type { StockMovement } from '../../domain/stock.js';
import type { ProductPage } from '../../ports/catalogue-store.js';
import {
  ListingWriteRefused,
  type BulkCreateResult,
  type ImportChange,
  type ListingStore,
  type OwnListingQuery,
  type StockWrite,
} from '../../ports/listing-store.js';
import { productItem, toProduct } from './catalogue-store.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { keyCondition, keys, queries, setEntry } from './keys.js';
import { failedConditions, withConflictRetry } from './conflict-retry.js';

/** BatchGetItem reads at most 100 keys; TransactWriteItems writes at most 100 items (DynamoDB limits). */
const BATCH_GET_SIZE = 100;
/** Bulk creation: this many puts in flight, and the pavilion's count updated every COUNT_CHUNK listings. */
const PUT_CONCURRENCY = 16;
const COUNT_CHUNK = 100;

export class DynamoListingStore implements ListingStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async listOwn(query: OwnListingQuery): Promise<ProductPage> {
    const key = queries.pavilionListings(query.pavilion, query.status);
    const startKey = decodeCursor(query.cursor, key);
    const page = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        ...keyCondition(key),
        ScanIndexForward: false,
        Limit: query.limit,
        ExclusiveStartKey: startKey,
      }),
    );
    return { items: (page.Items ?? []).map(toProduct), nextCursor: encodeCursor(page.LastEvaluatedKey) };
  }

  async get(id: string): Promise<Product | null> {
    const { Item } = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: keys.product(id), ConsistentRead: true }));
    return Item ? toProduct(Item) : null;
  }

  async getMany(ids: readonly string[]): Promise<Map<string, Product>> {
    const found = new Map<string, Product>();
    const unique = [...new Set(ids)];
    const batches: string[][] = [];
    for (let i = 0; i < unique.length; i += BATCH_GET_SIZE) batches.push(unique.slice(i, i + BATCH_GET_SIZE));
    // A few batches at a time: fast for a 5,000-row import without flooding the table.
    await forEachConcurrently(batches, 4, async (batch) => {
      let requestKeys: Record<string, unknown>[] = batch.map((id) => keys.product(id));
      for (let attempt = 0; requestKeys.length > 0; attempt++) {
        if (attempt > 0) await backoff(attempt);
        const result = await this.doc.send(
          new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: requestKeys, ConsistentRead: true } } }),
        );
        for (const item of result.Responses?.[this.tableName] ?? []) {
          const product = toProduct(item);
          found.set(product.id, product);
        }
        // BatchGet may return UnprocessedKeys under load: ask for them again.
        requestKeys = (result.UnprocessedKeys?.[this.tableName]?.Keys ?? []) as Record<string, unknown>[];
      }
    });
    return found;
  }

  async create(product: Product): Promise<void> {
    try {
      await withConflictRetry(() =>
        this.doc.send(
          new TransactWriteCommand({
            TransactItems: [
              { Put: { TableName: this.tableName, Item: productItem(product), ConditionExpression: 'attribute_not_exists(PK)' } },
              this.countUpdate(product.pavilion, 1),
            ],
          }),
        ),
      );
    } catch (error) {
      const failed = failedConditions(error);
      if (failed?.includes(0)) throw new ListingWriteRefused('exists', await this.get(product.id));
      if (failed?.includes(1)) throw new ListingWriteRefused('unknown_pavilion', null);
      throw error;
    }
  }

  async createMany(pavilion: PavilionCode, products: readonly Product[]): Promise<BulkCreateResult> {
    const created: string[] = [];
    const existed: string[] = [];
    // Conditional puts in parallel (bounded), then one count per chunk. Transactions would make each
    // listing and its count atomic, but they all touch the pavilion item and so cannot run in
    // parallel: 5,000 rows took ~17 s that way against ~the time of plain puts this way. If the
    // process dies between a chunk's puts and its count, CatalogueStore.recountProducts repairs it.
    for (let i = 0; i < products.length; i += COUNT_CHUNK) {
      const chunk = products.slice(i, i + COUNT_CHUNK);
      let written = 0;
      await forEachConcurrently(chunk, PUT_CONCURRENCY, async (product) => {
        try {
          await withConflictRetry(() =>
            this.doc.send(new PutCommand({ TableName: this.tableName, Item: productItem(product), ConditionExpression: 'attribute_not_exists(PK)' })),
          );
          created.push(product.id);
          written += 1;
        } catch (error) {
          if (!(error instanceof ConditionalCheckFailedException)) throw error;
          existed.push(product.id);
        }
      });
      // The pavilion item is also written by the create and archive transactions: retry a conflict with them.
      if (written > 0) await withConflictRetry(() => this.doc.send(new UpdateCommand(this.countUpdate(pavilion, written).Update)));
    }
    return { created, existed };
  }

  async update(id: string, pavilion: PavilionCode, expectedVersion: number, content: ListingContent, at: string): Promise<Product> {
    const current = await this.ownListing(id, pavilion);
    if (current.version !== expectedVersion) throw new ListingWriteRefused('stale_version', current);
    const edit = contentEdit(current, content, at);
    try {
      const { Attributes } = await withConflictRetry(() =>
        this.doc.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: keys.product(id),
            UpdateExpression: `SET ${edit.sets.join(', ')}`,
            ConditionExpression: 'attribute_exists(PK) AND #pavilion = :pavilion AND #version = :expected',
            ExpressionAttributeNames: { ...edit.names, '#pavilion': 'pavilion' },
            ExpressionAttributeValues: { ...edit.values, ':pavilion': pavilion },
            ReturnValues: 'ALL_NEW',
          }),
        ),
      );
      return toProduct(Attributes ?? {});
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw await this.refusal(id, pavilion, 'stale_version');
      throw error;
    }
  }

  async applyImportChange(change: ImportChange): Promise<void> {
    const { seen } = change;
    const stockMoves = change.stockDelta !== undefined && change.stockDelta !== 0;
    const edit = change.content ? contentEdit(seen, change.content, change.at) : null;
    if (!edit && !stockMoves) return;
    const names: Record<string, string> = { '#pavilion': 'pavilion', ...edit?.names };
    const values: Record<string, unknown> = { ':pavilion': change.pavilion, ...edit?.values };
    const conditions = ['attribute_exists(PK)', '#pavilion = :pavilion'];
    if (edit) conditions.push('#version = :expected');
    if (stockMoves) {
      // "On hand is N" was turned into a delta from the stock and reserved read: it holds only if they have not moved.
      Object.assign(names, { '#stock': 'stock', '#reserved': 'reserved' });
      Object.assign(values, { ':delta': change.stockDelta, ':seenStock': seen.stock, ':seenReserved': seen.reserved });
      conditions.push('#stock = :seenStock', '#reserved = :seenReserved');
    }
    const update = {
      TableName: this.tableName,
      Key: keys.product(change.id),
      UpdateExpression: [edit ? `SET ${edit.sets.join(', ')}` : '', stockMoves ? 'ADD #stock :delta' : ''].filter(Boolean).join(' '),
      ConditionExpression: conditions.join(' AND '),
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    };
    try {
      if (!stockMoves) {
        await withConflictRetry(() => this.doc.send(new UpdateCommand(update)));
        return;
      }
      // The content, the stock and its movement record: one round trip, all or nothing.
      const movement: StockMovement = { productId: change.id, delta: change.stockDelta!, reason: 'import', by: change.by, at: change.at };
      await withConflictRetry(() =>
        this.doc.send(
          new TransactWriteCommand({
            TransactItems: [
              { Update: update },
              { Put: { TableName: this.tableName, Item: { ...keys.stockMovement(change.id, change.at, randomUUID().slice(0, 8)), type: 'stock-movement', ...movement } } },
            ],
          }),
        ),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException || failedConditions(error)?.includes(0)) {
        const refusal = await this.refusal(change.id, change.pavilion, 'stale_version');
        // Same version: only the stock moved (a checkout reserved units meanwhile).
        if (refusal.current && refusal.current.version === seen.version && stockMoves) throw new ListingWriteRefused('stock_moved', refusal.current);
        throw refusal;
      }
      throw error;
    }
  }

  async setStatus(id: string, pavilion: PavilionCode, status: ProductStatus, expectedVersion: number | undefined, at: string): Promise<Product> {
    const current = await this.ownListing(id, pavilion);
    if (expectedVersion !== undefined && current.version !== expectedVersion) throw new ListingWriteRefused('stale_version', current);
    if (current.status === status) throw new ListingWriteRefused('wrong_status', current);
    // The index keys embed the status (keys.productIndexes), so all of them are rewritten (GSI4 with the rest).
    const indexes = setEntry(keys.productIndexes({ ...current, status }), 'ix');
    try {
      await withConflictRetry(() =>
        this.doc.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: this.tableName,
                  Key: keys.product(id),
                  UpdateExpression: `SET #status = :status, #version = :next, #updatedAt = :at, ${indexes.expression}`,
                  ConditionExpression: '#pavilion = :pavilion AND #version = :expected AND #status = :from',
                  ExpressionAttributeNames: { '#status': 'status', '#version': 'version', '#updatedAt': 'updatedAt', '#pavilion': 'pavilion', ...indexes.names },
                  ExpressionAttributeValues: {
                    ':status': status, ':from': current.status, ':expected': current.version, ':next': current.version + 1, ':at': at, ':pavilion': pavilion,
                    ...indexes.values,
                  },
                },
              },
              this.countUpdate(pavilion, status === 'active' ? 1 : -1),
            ],
          }),
        ),
      );
    } catch (error) {
      if (failedConditions(error)?.includes(0)) throw await this.refusal(id, pavilion, 'stale_version');
      throw error;
    }
    return this.ownListing(id, pavilion);
  }

  async changeStock(write: StockWrite): Promise<Product> {
    const movement: StockMovement = {
      productId: write.id, delta: write.delta, reason: write.reason, by: write.by, at: write.at, ...(write.note ? { note: write.note } : {}),
    };
    try {
      await withConflictRetry(() =>
        this.doc.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                // ADD is atomic, and the condition is checked against the item as it is at write time:
                // a checkout that reserved units a moment ago is seen, so stock never goes negative.
                Update: {
                  TableName: this.tableName,
                  Key: keys.product(write.id),
                  UpdateExpression: 'ADD #stock :delta',
                  ConditionExpression: `attribute_exists(PK) AND #pavilion = :pavilion AND #stock >= :needed${
                    write.expect ? ' AND #stock = :seenStock AND #reserved = :seenReserved' : ''
                  }`,
                  ExpressionAttributeNames: { '#stock': 'stock', '#pavilion': 'pavilion', ...(write.expect ? { '#reserved': 'reserved' } : {}) },
                  ExpressionAttributeValues: {
                    ':delta': write.delta, ':needed': Math.max(0, -write.delta), ':pavilion': write.pavilion,
                    ...(write.expect ? { ':seenStock': write.expect.stock, ':seenReserved': write.expect.reserved } : {}),
                  },
                },
              },
              {
                Put: {
                  TableName: this.tableName,
                  Item: { ...keys.stockMovement(write.id, write.at, randomUUID().slice(0, 8)), type: 'stock-movement', ...movement },
                },
              },
            ],
          }),
        ),
      );
    } catch (error) {
      if (failedConditions(error)?.includes(0)) {
        const refusal = await this.refusal(write.id, write.pavilion, 'below_reserved');
        const moved = write.expect && refusal.current && (refusal.current.stock !== write.expect.stock || refusal.current.reserved !== write.expect.reserved);
        throw moved ? new ListingWriteRefused('stock_moved', refusal.current) : refusal;
      }
      throw error;
    }
    return this.ownListing(write.id, write.pavilion);
  }

  async stockMovements(id: string, limit: number): Promise<readonly StockMovement[]> {
    const { Items } = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        ...keyCondition(queries.stockMovements(id)),
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (Items ?? []).map(({ PK, SK, type, ...movement }) => movement as StockMovement);
  }

  private countUpdate(pavilion: PavilionCode, delta: number) {
    return {
      Update: {
        TableName: this.tableName,
        Key: keys.pavilion(pavilion),
        UpdateExpression: 'ADD productCount :delta',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':delta': delta },
      },
    };
  }

  private async ownListing(id: string, pavilion: PavilionCode): Promise<Product> {
    const current = await this.get(id);
    if (!current) throw new ListingWriteRefused('missing', null);
    if (current.pavilion !== pavilion) throw new ListingWriteRefused('not_yours', null);
    return current;
  }

  /** After a failed condition: tells a vanished or foreign listing apart from the expected refusal. */
  private async refusal(id: string, pavilion: PavilionCode, expected: ListingWriteRefused['reason']): Promise<ListingWriteRefused> {
    const current = await this.get(id);
    if (!current) return new ListingWriteRefused('missing', null);
    if (current.pavilion !== pavilion) return new ListingWriteRefused('not_yours', null);
    return new ListingWriteRefused(expected, current);
  }
}

/**
 * The SET clauses of a content edit: only the editable fields, the version and the index entries that embed the category (GSI2, GSI4).
 * Stock, reserved and sold move concurrently with checkout and must never be overwritten by an edit.
 * Conditioned on `:expected`, the version the edit was made on.
 */
function contentEdit(current: Product, content: ListingContent, at: string) {
  const index = setEntry(keys.productCategoryIndexes({ ...current, category: content.category }), 'ix');
  const names: Record<string, string> = { '#version': 'version', '#updatedAt': 'updatedAt', ...index.names };
  const values: Record<string, unknown> = { ':expected': current.version, ':next': current.version + 1, ':at': at, ...index.values };
  const sets = ['#version = :next', '#updatedAt = :at', index.expression];
  for (const field of EDITABLE_FIELDS) {
    names[`#${field}`] = field;
    values[`:${field}`] = content[field];
    sets.push(`#${field} = :${field}`);
  }
  return { sets, names, values };
}

async function forEachConcurrently<T>(items: readonly T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await run(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

function backoff(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.min(1000, 50 * 2 ** attempt)));
}
