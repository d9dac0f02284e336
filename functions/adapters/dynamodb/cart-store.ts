import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { cartExpiresAt, type Cart } from '../../domain/cart.js';
import { CartVersionConflictError, type CartStore } from '../../ports/cart-store.js';
import { withConflictRetry } from './conflict-retry.js';
import { keys } from './keys.js';

/** Touching a cart that was saved less than a day ago would only cost writes. */
const TOUCH_AFTER_MS = 86_400_000;

/**
 * Carts live one item each (keys.cart), with `ttl` (epoch seconds) 30 days after last use.
 * Checkout's reserving transaction writes the cart's pendingOrderId (and a sale deletes the cart),
 * so every single write here retries a TransactionConflict: AWS refuses a write to an item inside
 * a running transaction (DynamoDB Local never does).
 */
export class DynamoCartStore implements CartStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async create(cart: Cart): Promise<void> {
    await withConflictRetry(() =>
      this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keys.cart(cart.id), type: 'cart', ...cart, lines: [...cart.lines], usedAt: cart.updatedAt, ttl: ttlOf(cart.updatedAt) },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      ),
    );
  }

  async get(id: string, now: Date): Promise<Cart | null> {
    const { Item } = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: keys.cart(id), ConsistentRead: true }));
    // TTL deletes lazily (within days): a lapsed cart must look gone at once.
    if (!Item || (typeof Item.ttl === 'number' && Item.ttl * 1000 <= now.getTime())) return null;
    const cart: Cart = {
      id: Item.id,
      lines: Item.lines ?? [],
      createdAt: Item.createdAt,
      updatedAt: Item.updatedAt,
      version: Item.version,
      ...(typeof Item.pendingOrderId === 'string' ? { pendingOrderId: Item.pendingOrderId } : {}),
    };
    if (now.getTime() - Date.parse(Item.usedAt ?? Item.updatedAt) > TOUCH_AFTER_MS) await this.touch(id, now);
    return cart;
  }

  async save(cart: Cart, expectedVersion: number): Promise<void> {
    try {
      // Only the shopper's own fields: pendingOrderId belongs to checkout, which may write it meanwhile.
      await withConflictRetry(() =>
        this.doc.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: keys.cart(cart.id),
            UpdateExpression: 'SET #lines = :lines, updatedAt = :updatedAt, version = :version, usedAt = :updatedAt, #ttl = :ttl',
            ConditionExpression: 'attribute_exists(PK) AND version = :expected',
            ExpressionAttributeNames: { '#lines': 'lines', '#ttl': 'ttl' },
            ExpressionAttributeValues: {
              ':lines': [...cart.lines], ':updatedAt': cart.updatedAt, ':version': cart.version, ':ttl': ttlOf(cart.updatedAt), ':expected': expectedVersion,
            },
          }),
        ),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw new CartVersionConflictError();
      throw error;
    }
  }

  async touch(id: string, now: Date): Promise<void> {
    const usedAt = now.toISOString();
    try {
      await withConflictRetry(() =>
        this.doc.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: keys.cart(id),
            UpdateExpression: 'SET usedAt = :usedAt, #ttl = :ttl',
            ConditionExpression: 'attribute_exists(PK)',
            ExpressionAttributeNames: { '#ttl': 'ttl' },
            ExpressionAttributeValues: { ':usedAt': usedAt, ':ttl': ttlOf(usedAt) },
          }),
        ),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
}

function ttlOf(lastUsed: string): number {
  return Math.floor(Date.parse(cartExpiresAt(lastUsed)) / 1000);
}
