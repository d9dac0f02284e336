import { PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { MAX_UNPAID_ORDERS_PER_SHOPPER, type Order } from '../../domain/order.js';
import { batchGet } from './batch-get.js';
import { keys } from './keys.js';
import { type TransactItem } from './transact.js';

type Holds = NonNullable<Order['unpaidHolds']>;

/** The two holder items an order counts under: its shopper's email and its buyer's ID number. */
function holderKeys(holds: Holds) {
  return [keys.unpaidHolds('email', holds.emailKey), keys.unpaidHolds('buyer', holds.buyerKey)];
}

/**
 * Makes sure both holder items exist with a `holds` map (a nested SET needs the map), and drops
 * the holds whose orders lapsed: an order the sweep has not released yet, or one whose release
 * never freed its hold, must not keep blocking its shopper. Each removal is conditioned on the
 * entry as read, so an entry written again meanwhile stays. Runs before the reserving transaction,
 * which alone decides (on the map's size) whether the order may join.
 */
export async function prepareUnpaidHolds(doc: DynamoDBDocumentClient, tableName: string, holds: Holds, now: string): Promise<void> {
  const holders = await readHolders(doc, tableName, holds);
  for (const [index, Key] of holderKeys(holds).entries()) {
    const Item = holders[index];
    if (!Item) {
      await doc
        .send(new PutCommand({ TableName: tableName, Item: { ...Key, type: 'unpaid_holds', holds: {} }, ConditionExpression: 'attribute_not_exists(PK)' }))
        .catch(ignoreConditionFailure);
      continue;
    }
    const lapsed = Object.entries((Item.holds ?? {}) as Record<string, string>).filter(([, expiresAt]) => expiresAt <= now);
    for (const [orderId, expiresAt] of lapsed) {
      await doc
        .send(
          new UpdateCommand({
            TableName: tableName,
            Key,
            UpdateExpression: 'REMOVE holds.#order',
            ConditionExpression: 'holds.#order = :expiresAt',
            ExpressionAttributeNames: { '#order': orderId },
            ExpressionAttributeValues: { ':expiresAt': expiresAt },
          }),
        )
        .catch(ignoreConditionFailure);
    }
  }
}

/** The reserving transaction's two writes: the order joins each holder only while it holds fewer than the limit. */
export function takeUnpaidHolds(tableName: string, order: Order, holds: Holds): TransactItem[] {
  return holderKeys(holds).map((Key) => ({
    Update: {
      TableName: tableName,
      Key,
      UpdateExpression: 'SET holds.#order = :expiresAt',
      ConditionExpression: 'size(holds) < :limit',
      ExpressionAttributeNames: { '#order': order.orderId },
      ExpressionAttributeValues: { ':expiresAt': order.expiresAt, ':limit': MAX_UNPAID_ORDERS_PER_SHOPPER },
    },
  }));
}

/** The writes that free the order's holds, joined to the transaction that ends its pending_payment. */
export function freeUnpaidHolds(tableName: string, order: Order): TransactItem[] {
  if (!order.unpaidHolds) return [];
  return holderKeys(order.unpaidHolds).map((Key) => ({
    Update: { TableName: tableName, Key, UpdateExpression: 'REMOVE holds.#order', ExpressionAttributeNames: { '#order': order.orderId } },
  }));
}

/**
 * When a refused checkout may pass (its Retry-After): when the earliest unlapsed hold of each full
 * holder lapses, the later of the two when both are full; now when none is full any more.
 */
export async function earliestHoldExpiry(doc: DynamoDBDocumentClient, tableName: string, holds: Holds, now: string): Promise<string> {
  const expiries: string[] = [];
  for (const Item of await readHolders(doc, tableName, holds)) {
    const open = Object.values((Item?.holds ?? {}) as Record<string, string>).filter((expiresAt) => expiresAt > now).sort();
    if (open.length >= MAX_UNPAID_ORDERS_PER_SHOPPER) expiries.push(open[0]!);
  }
  return expiries.sort().at(-1) ?? now;
}

/** Both holder items, strongly consistent, in one BatchGetItem (in holderKeys' order; undefined for one not made yet). */
function readHolders(doc: DynamoDBDocumentClient, tableName: string, holds: Holds): Promise<(Record<string, unknown> | undefined)[]> {
  return batchGet(doc, tableName, holderKeys(holds), { consistent: true });
}

function ignoreConditionFailure(error: unknown): void {
  if ((error as { name?: string }).name !== 'ConditionalCheckFailedException') throw error;
}
