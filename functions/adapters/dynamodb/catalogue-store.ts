import {
  BatchWriteCommand,
  paginateQuery,
  GetCommand,
  PutCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { Product } from '../../domain/catalogue.js';
import type { FreightRates } from '../../domain/freight.js';
import type { Pavilion, PavilionCode } from '../../domain/pavilion.js';
import type { CatalogueStore, PavilionSummary, ProductPage, ProductQuery } from '../../ports/catalogue-store.js';
import { queryPage } from './cursor.js';
import { keyCondition, keys, queries, withoutKeys, type KeyQuery } from './keys.js';
import { withConflictRetry } from './conflict-retry.js';
import { batchGet } from './batch-get.js';

/** BatchWriteItem takes at most 25 items (DynamoDB limit). */
const BATCH_SIZE = 25;

export class DynamoCatalogueStore implements CatalogueStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async listPavilions(): Promise<readonly PavilionSummary[]> {
    const items: PavilionSummary[] = [];
    const pages = paginateQuery(
      { client: this.doc },
      { TableName: this.tableName, ...keyCondition(queries.pavilions()) },
    );
    for await (const page of pages) for (const item of page.Items ?? []) items.push(toPavilion(item));
    return items;
  }

  async getPavilion(code: PavilionCode): Promise<PavilionSummary | null> {
    const { Item } = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: keys.pavilion(code) }));
    return Item ? toPavilion(Item) : null;
  }

  /** One BatchGetItem, eventually consistent as getPavilion is (none for no codes): one command however many pavilions a cart spans. */
  async getPavilions(codes: readonly PavilionCode[]): Promise<(PavilionSummary | null)[]> {
    if (codes.length === 0) return [];
    const items = await batchGet(this.doc, this.tableName, codes.map((code) => keys.pavilion(code)));
    return items.map((item) => (item ? toPavilion(item) : null));
  }

  /**
   * One Query and no filter: every listing has its own partition (listingPartition), so a page reads
   * only the items it returns, whatever the pavilion or category holds.
   */
  async listProducts(query: ProductQuery): Promise<ProductPage> {
    const page = await queryPage(this.doc, this.tableName, listingPartition(query), { limit: query.limit, cursor: query.cursor, newestFirst: true });
    return { items: page.items.map(toProduct), nextCursor: page.nextCursor };
  }

  async getProduct(id: string): Promise<Product | null> {
    const { Item } = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: keys.product(id) }));
    return Item ? toProduct(Item) : null;
  }

  async *allActiveProducts(): AsyncIterable<Product> {
    for (const pavilion of await this.listPavilions()) {
      let cursor: string | undefined;
      do {
        const page = await this.listProducts({ pavilion: pavilion.code, limit: 100, cursor });
        yield* page.items;
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
    }
  }

  async putPavilion(pavilion: Pavilion): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.pavilion(pavilion.code), type: 'pavilion', productCount: 0, ...pavilion },
      }),
    );
  }

  async setFreightRates(code: PavilionCode, rates: FreightRates): Promise<boolean> {
    try {
      // The pavilion item is also written by the listing transactions (their product count): retry a conflict with them.
      await withConflictRetry(() =>
        this.doc.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: keys.pavilion(code),
            // Only this attribute: the product count beside it moves with every listing write.
            UpdateExpression: 'SET freightRates = :rates',
            ConditionExpression: 'attribute_exists(PK)',
            ExpressionAttributeValues: { ':rates': rates },
          }),
        ),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async putProducts(products: readonly Product[]): Promise<void> {
    for (let i = 0; i < products.length; i += BATCH_SIZE) {
      let requests = products.slice(i, i + BATCH_SIZE).map((product) => ({
        PutRequest: { Item: productItem(product) },
      }));
      // BatchWrite may hand back UnprocessedItems under load: retry them with a short backoff.
      for (let attempt = 0; requests.length > 0; attempt++) {
        const result = await this.doc.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: requests } }));
        requests = (result.UnprocessedItems?.[this.tableName] ?? []) as typeof requests;
        if (requests.length > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 50 * 2 ** attempt)));
      }
    }
    for (const code of new Set(products.map((product) => product.pavilion))) await this.recountProducts(code);
  }

  /** Recounts a pavilion's active products from its index (Select COUNT is a Query, not a Scan). */
  async recountProducts(code: PavilionCode): Promise<number> {
    let count = 0;
    const pages = paginateQuery(
      { client: this.doc },
      { TableName: this.tableName, ...keyCondition(queries.pavilionListings(code, 'active')), Select: 'COUNT' },
    );
    for await (const page of pages) count += page.Count ?? 0;
    // The pavilion item is also written by the listing transactions (their product count): retry a conflict with them.
    await withConflictRetry(() =>
      this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.pavilion(code),
          UpdateExpression: 'SET productCount = :count',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':count': count },
        }),
      ),
    );
    return count;
  }
}

export function productItem(product: Product): Record<string, unknown> {
  return { ...keys.product(product.id), ...keys.productIndexes(product), type: 'product', ...product };
}

export function toProduct(item: Record<string, unknown>): Product {
  return withoutKeys(item) as unknown as Product;
}

function toPavilion(item: Record<string, unknown>): PavilionSummary {
  return withoutKeys(item) as unknown as PavilionSummary;
}

/** The index partition that holds exactly the active products a listing asks for. */
function listingPartition(query: ProductQuery): KeyQuery {
  if (query.pavilion && query.category) return queries.pavilionCategoryListings(query.pavilion, query.category, 'active');
  if (query.pavilion) return queries.pavilionListings(query.pavilion, 'active');
  if (query.category) return queries.categoryListings(query.category, 'active');
  return queries.catalogueListings('active');
}
