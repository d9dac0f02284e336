import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand, type DynamoDBDocumentClient, type UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Product } from '../../domain/catalogue.js';
import type { OrderLine } from '../../domain/order.js';
import type { PavilionCode } from '../../domain/pavilion.js';
import type { ListingKeyPage, ListingKeyStore } from '../../ports/listing-keys.js';
import { queryPage } from './cursor.js';
import { withConflictRetry } from './conflict-retry.js';
import { keys, queries, setEntry } from './keys.js';

/** Products (or paid lines) read per page (GSI1), and index writes in flight at once: gentle on an on-demand table that serves shoppers meanwhile. */
const PAGE_SIZE = 100;
const WRITE_CONCURRENCY = 8;

/**
 * The GSI4 backfill (keys.ts: a pavilion's products of one category). Products written before GSI4
 * existed lack its entry; every write since sets it (keys.productIndexes, keys.productCategoryIndexes).
 * And the queue backfill (keys.ts: a pavilion's paid lines of one fulfilment, GSI2): lines paid before
 * it lack their entry; every payment since sets it (keys.pavilionQueueEntry) and every change of
 * fulfilment moves it (keys.moveFulfilmentEntry).
 */
export class DynamoListingKeyStore implements ListingKeyStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async refreshListingKeys(pavilion: PavilionCode, cursor?: string): Promise<ListingKeyPage> {
    const page = await queryPage(this.doc, this.tableName, queries.pavilionListings(pavilion), { limit: PAGE_SIZE, cursor });
    const stale = page.items.filter((item) => {
      const wanted = keys.pavilionCategoryEntry(item as unknown as Product);
      return Object.entries(wanted).some(([name, value]) => item[name] !== value);
    });
    let updated = 0;
    for (let i = 0; i < stale.length; i += WRITE_CONCURRENCY) {
      const written = await Promise.all(stale.slice(i, i + WRITE_CONCURRENCY).map((item) => this.setEntry(item as unknown as Product)));
      updated += written.filter(Boolean).length;
    }
    return { checked: page.items.length, updated, nextCursor: page.nextCursor };
  }

  async refreshQueueKeys(pavilion: PavilionCode, cursor?: string): Promise<ListingKeyPage> {
    const page = await queryPage(this.doc, this.tableName, queries.pavilionQueue(pavilion), { limit: PAGE_SIZE, cursor });
    const stale = page.items.filter((item) => {
      const line = item as unknown as OrderLine;
      // Every line on the queue is paid; a line without its payment time has no place to be given.
      if (!line.paidAt || line.fulfilment === 'awaiting_payment') return false;
      return Object.entries(keys.fulfilmentQueueEntry(line, line.paidAt)).some(([name, value]) => item[name] !== value);
    });
    let updated = 0;
    for (let i = 0; i < stale.length; i += WRITE_CONCURRENCY) {
      const written = await Promise.all(stale.slice(i, i + WRITE_CONCURRENCY).map((item) => this.setQueueEntry(item as unknown as OrderLine)));
      updated += written.filter(Boolean).length;
    }
    return { checked: page.items.length, updated, nextCursor: page.nextCursor };
  }

  /**
   * Writes the entry for the line as it was read (the index is eventually consistent). If its
   * fulfilment changed since, that write moved the entry itself: nothing to do.
   */
  private async setQueueEntry(line: OrderLine): Promise<boolean> {
    const entry = setEntry(keys.fulfilmentQueueEntry(line, line.paidAt!), 'ix');
    return this.conditionalUpdate({
      TableName: this.tableName,
      Key: keys.orderLine(line.orderId, line.lineNo),
      UpdateExpression: `SET ${entry.expression}`,
      ConditionExpression: '#fulfilment = :fulfilment AND #paidAt = :paidAt',
      ExpressionAttributeNames: { ...entry.names, '#fulfilment': 'fulfilment', '#paidAt': 'paidAt' },
      ExpressionAttributeValues: { ...entry.values, ':fulfilment': line.fulfilment, ':paidAt': line.paidAt },
    });
  }

  /**
   * Writes the entry for the product as it was read (the index is eventually consistent). If its
   * status or category changed since, that write set the entry itself: nothing to do.
   */
  private async setEntry(product: Product): Promise<boolean> {
    const entry = setEntry(keys.pavilionCategoryEntry(product), 'ix');
    return this.conditionalUpdate({
      TableName: this.tableName,
      Key: keys.product(product.id),
      UpdateExpression: `SET ${entry.expression}`,
      ConditionExpression: '#status = :status AND #category = :category',
      ExpressionAttributeNames: { ...entry.names, '#status': 'status', '#category': 'category' },
      ExpressionAttributeValues: { ...entry.values, ':status': product.status, ':category': product.category },
    });
  }

  /** True if written; false if the item changed since it was read (its condition failed). */
  private async conditionalUpdate(update: UpdateCommandInput): Promise<boolean> {
    try {
      // A checkout's or a payment's transaction may hold the item for a moment: retry the conflict as every store does.
      await withConflictRetry(() => this.doc.send(new UpdateCommand(update)));
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}
