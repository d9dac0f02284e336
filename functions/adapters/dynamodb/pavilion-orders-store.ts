import { GetCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { shippedEntry } from '../../domain/mail/outbox.js';
import type { OrderLine } from '../../domain/order.js';
import {
  ShipmentRefused,
  type FulfilmentPage,
  type FulfilmentQuery,
  type PavilionOrdersStore,
  type Shipment,
} from '../../ports/pavilion-orders-store.js';
import { queryPage } from './cursor.js';
import { failedConditions, withConflictRetry } from './conflict-retry.js';
import { outboxWrites } from './outbox-store.js';
import { keys, moveFulfilmentEntry, queries, withoutKeys } from './keys.js';

/**
 * The pavilion's view of order lines: paid lines carry their pavilion's queue entries
 * (keys.pavilionQueueEntry), so one Query lists a pavilion's queue, or the part of it of one
 * fulfilment, newest first and never shows another pavilion's lines.
 */
export class DynamoPavilionOrdersStore implements PavilionOrdersStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async linesToFulfil(query: FulfilmentQuery): Promise<FulfilmentPage> {
    // Each filter has its own partition (keys.ts): a page is one Query, with no FilterExpression. A
    // cursor names its partition, so one from another filter is refused (cursor.ts).
    const key = queries.pavilionQueue(query.pavilion, query.fulfilment);
    const page = await queryPage(this.doc, this.tableName, key, { limit: query.limit, cursor: query.cursor, newestFirst: true });
    return { items: page.items.map(toOrderLine), nextCursor: page.nextCursor };
  }

  async markShipped(shipment: Shipment): Promise<OrderLine> {
    const key = keys.orderLine(shipment.orderId, shipment.lineNo);
    const moved = moveFulfilmentEntry(shipment.pavilion, 'shipped', 'queue');
    try {
      // The order's lines are written by the payment transactions too: retry a conflict with one of them.
      // The shopper's shipment mail joins the same transaction (domain/mail/outbox.ts).
      await withConflictRetry(() =>
        this.doc.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: this.tableName,
                  Key: key,
                  // The line moves from the pavilion's "to ship" queue to its "shipped" one in the same write.
                  UpdateExpression: `SET #fulfilment = :shipped, carrier = :carrier, trackingNumber = :tracking, shippedAt = :at, ${moved.expression}`,
                  // The pavilion comes from the verified token: a manager can only ship their own, paid, unshipped lines.
                  ConditionExpression: 'attribute_exists(PK) AND #pavilion = :mine AND #fulfilment = :toShip',
                  ExpressionAttributeNames: { '#fulfilment': 'fulfilment', '#pavilion': 'pavilion', ...moved.names },
                  ExpressionAttributeValues: {
                    ':shipped': 'shipped', ':toShip': 'to_ship', ':mine': shipment.pavilion,
                    ':carrier': shipment.carrier, ':tracking': shipment.trackingNumber, ':at': shipment.shippedAt,
                    ...moved.values,
                  },
                },
              },
              outboxWrites.ready(this.tableName, shippedEntry(shipment, shipment.shippedAt)),
            ],
          }),
        ),
      );
    } catch (error) {
      // The line's condition failed (the mail's cannot without it: a line ships once): say why.
      if (!failedConditions(error)?.includes(0)) throw error;
      const { Item } = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }));
      if (!Item) throw new ShipmentRefused('missing', null);
      const line = toOrderLine(Item);
      if (line.pavilion !== shipment.pavilion) throw new ShipmentRefused('not_yours', null);
      throw new ShipmentRefused('not_to_ship', line);
    }
    const { Item } = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }));
    return toOrderLine(Item ?? {});
  }
}

function toOrderLine(item: Record<string, unknown>): OrderLine {
  return withoutKeys(item) as unknown as OrderLine;
}
