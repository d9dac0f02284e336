import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Product } from '../../domain/catalogue.js';
import type { PavilionCode } from '../../domain/pavilion.js';
import type { ListingKeyPage, ListingKeyStore } from '../../ports/listing-keys.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { withConflictRetry } from './conflict-retry.js';
import { keyCondition, keys, queries, setEntry } from './keys.js';

/** Products read per page (GSI1), and index writes in flight at once: gentle on an on-demand table that serves shoppers meanwhile. */
const PAGE_SIZE = 100;
const WRITE_CONCURRENCY = 8;

/**
 * The GSI4 backfill (keys.ts: a pavilion's products of one category). Products written before GSI4
 * existed lack its entry; every write since sets it (keys.productIndexes, keys.productCategoryIndexes).
 */
export class DynamoListingKeyStore implements ListingKeyStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async refreshListingKeys(pavilion: PavilionCode, cursor?: string): Promise<ListingKeyPage> {
    const key = queries.pavilionListings(pavilion);
    const page = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        ...keyCondition(key),
        Limit: PAGE_SIZE,
        ExclusiveStartKey: decodeCursor(cursor, key),
      }),
    );
    const stale = (page.Items ?? []).filter((item) => {
      const wanted = keys.pavilionCategoryEntry(item as unknown as Product);
      return Object.entries(wanted).some(([name, value]) => item[name] !== value);
    });
    let updated = 0;
    for (let i = 0; i < stale.length; i += WRITE_CONCURRENCY) {
      const written = await Promise.all(stale.slice(i, i + WRITE_CONCURRENCY).map((item) => this.setEntry(item as unknown as Product)));
      updated += written.filter(Boolean).length;
    }
    return { checked: page.Items?.length ?? 0, updated, nextCursor: encodeCursor(page.LastEvaluatedKey) };
  }

  /**
   * Writes the entry for the product as it was read (the index is eventually consistent). If its
   * status or category changed since, that write set the entry itself: nothing to do.
   */
  private async setEntry(product: Product): Promise<boolean> {
    const entry = setEntry(keys.pavilionCategoryEntry(product), 'ix');
    try {
      // A checkout's transaction may hold the item for a moment: retry the conflict as every store does.
      await withConflictRetry(() => this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.product(product.id),
          UpdateExpression: `SET ${entry.expression}`,
          ConditionExpression: '#status = :status AND #category = :category',
          ExpressionAttributeNames: { ...entry.names, '#status': 'status', '#category': 'category' },
          ExpressionAttributeValues: { ...entry.values, ':status': product.status, ':category': product.category },
        }),
      ));
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}
