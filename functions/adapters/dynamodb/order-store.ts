import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  paginateQuery,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type { Product } from '../../domain/catalogue.js';
import { countedAtMostFor } from '../../domain/cross-border.js';
import type { Money } from '../../domain/money.js';
import { LATE_PAYMENT_PLANS, type AttentionReason, type Order, type OrderDecision, type OrderLine, type OrderStatus } from '../../domain/order.js';
import {
  CartCheckoutRaceError,
  EventAlreadyProcessedError,
  OrderChangedError,
  ReservationRefusedError,
  UnpaidLimitReachedError,
  YearlyAllowanceExceededError,
  type ApplyOptions,
  type OrderStore,
  type PlaceOrderOptions,
  type RefusedLine,
  type StoredOrder,
} from '../../ports/order-store.js';
import type { Telemetry } from '../../ports/telemetry.js';
import type { Refund } from '../../domain/refund.js';
import { isOrderItem, isOrderLineItem, isRefundItem, keyCondition, keys, queries, removeAttributes, setEntry, withoutKeys } from './keys.js';
import { failedConditions, withConflictRetry } from './conflict-retry.js';
import { outboxWrites } from './outbox-store.js';
import { confirmationEntry, confirmsOrder, newLinesEntry } from '../../domain/mail/outbox.js';
import { ledgerPuts } from './ledger-store.js';
import { earliestHoldExpiry, freeUnpaidHolds, prepareUnpaidHolds, takeUnpaidHolds } from './unpaid-holds.js';
import { eventRecordPut, type TransactItem } from './transact.js';



/**
 * Orders, their lines and the stock they hold. Every state change is one TransactWriteItems
 * that moves units between stock, reserved and sold on the product items, changes the order
 * (conditioned on the status it was decided from) and, for payment events, records the event id.
 */
export class DynamoOrderStore implements OrderStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly telemetry: Telemetry,
  ) {}

  async placeOrder(order: Order, lines: readonly OrderLine[], { productVersions, cartPendingOrderId, confirmationToken, shopperKey }: PlaceOrderOptions): Promise<void> {
    const reservations: TransactItem[] = order.lines.map((line) => ({
      Update: {
        TableName: this.tableName,
        Key: keys.product(line.productId),
        UpdateExpression: 'SET stock = stock - :q, reserved = reserved + :q',
        ConditionExpression: 'attribute_exists(PK) AND #status = :active AND stock >= :q AND version = :version',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':q': line.quantity, ':active': 'active', ':version': productVersions.get(line.productId) ?? -1 },
      },
    }));
    // The cart points at its one pending order; the condition lets only one of two racing checkouts of it through.
    const cartClaim: TransactItem[] = order.cartId
      ? [
          {
            Update: {
              TableName: this.tableName,
              Key: keys.cart(order.cartId),
              UpdateExpression: 'SET pendingOrderId = :order',
              ConditionExpression: `attribute_exists(PK) AND ${cartPendingOrderId ? 'pendingOrderId = :previous' : 'attribute_not_exists(pendingOrderId)'}`,
              ExpressionAttributeValues: { ':order': order.orderId, ...(cartPendingOrderId ? { ':previous': cartPendingOrderId } : {}) },
            },
          },
        ]
      : [];
    // The buyer's yearly count grows by this order only while it stays within the limit: two checkouts
    // by one buyer racing for the last of the allowance cannot both pass.
    const allowance: TransactItem = {
      Update: {
        TableName: this.tableName,
        Key: keys.buyerYear(order.allowance.buyerKey, order.allowance.year),
        UpdateExpression: 'SET counted = if_not_exists(counted, :zero) + :value, updatedAt = :now',
        ConditionExpression: 'attribute_not_exists(counted) OR counted <= :atMost',
        ExpressionAttributeValues: {
          ':zero': 0,
          ':value': order.allowance.counted.amount,
          ':atMost': countedAtMostFor(order.allowance.counted),
          ':now': order.createdAt,
        },
      },
    };
    const allowanceIndex = reservations.length + cartClaim.length;
    // The shopper's unpaid orders, capped by email and by buyer in this same transaction (unpaid-holds.ts).
    if (order.unpaidHolds) await prepareUnpaidHolds(this.doc, this.tableName, order.unpaidHolds, order.createdAt);
    const holds = order.unpaidHolds ? takeUnpaidHolds(this.tableName, order, order.unpaidHolds) : [];
    const holdIndexes = holds.map((_, index) => allowanceIndex + 1 + index);
    const writes: TransactItem[] = [
      ...reservations,
      ...cartClaim,
      allowance,
      ...holds,
      {
        Put: {
          TableName: this.tableName,
          Item: {
            ...keys.order(order.orderId), ...keys.pendingOrderEntry(order.orderId, order.expiresAt),
            ...(shopperKey ? keys.shopperOrderEntry(shopperKey, order.createdAt, order.orderId) : {}),
            type: 'order', ...order,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      ...lines.map((line) => ({
        Put: { TableName: this.tableName, Item: { ...keys.orderLine(line.orderId, line.lineNo), type: 'order_line', ...line } },
      })),
      // The confirmation mail, prepared now because only now is the order page's token at hand; the payment releases it.
      ...(confirmationToken ? [outboxWrites.held(this.tableName, confirmationEntry(order.orderId, order.createdAt), confirmationToken)] : []),
    ];
    try {
      await withConflictRetry(() => this.doc.send(new TransactWriteCommand({ TransactItems: writes })));
    } catch (error) {
      const failed = failedConditions(error);
      if (cartClaim.length > 0 && failed?.includes(reservations.length)) throw new CartCheckoutRaceError();
      if (order.unpaidHolds && failed?.some((index) => holdIndexes.includes(index))) {
        throw new UnpaidLimitReachedError(await earliestHoldExpiry(this.doc, this.tableName, order.unpaidHolds, order.createdAt));
      }
      if (failed?.includes(allowanceIndex) && !failed.some((index) => index < reservations.length)) {
        throw new YearlyAllowanceExceededError(await this.countedInYear(order.allowance.buyerKey, order.allowance.year));
      }
      if (!failed?.some((index) => index < reservations.length)) throw error;
      throw new ReservationRefusedError(await this.refusedLines(order, productVersions, failed));
    }
  }

  /**
   * Names every line that cannot be reserved now, from a fresh read of each product (DynamoDB may
   * report only some failing conditions). A line that failed in the transaction but looks fine now
   * lost a race for the last units: it is reported short with what is left.
   */
  private async refusedLines(order: Order, productVersions: ReadonlyMap<string, number>, failed: readonly number[]): Promise<RefusedLine[]> {
    const products = await Promise.all(order.lines.map((line) => this.readProduct(line.productId)));
    const refused: RefusedLine[] = [];
    order.lines.forEach((line, index) => {
      const product = products[index];
      const base = { productId: line.productId, requested: line.quantity };
      if (!product || product.status !== 'active') refused.push({ ...base, available: 0, reason: 'unavailable' });
      else if (product.stock < line.quantity) refused.push({ ...base, available: product.stock, reason: 'short' });
      else if (product.version !== productVersions.get(line.productId)) refused.push({ ...base, available: product.stock, reason: 'stale' });
      else if (failed.includes(index)) refused.push({ ...base, available: product.stock, reason: 'short' });
    });
    return refused;
  }

  private async readProduct(id: string): Promise<Pick<Product, 'status' | 'stock' | 'version'> | null> {
    const { Item } = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: keys.product(id), ConsistentRead: true, ProjectionExpression: '#s, stock, version', ExpressionAttributeNames: { '#s': 'status' } }),
    );
    return (Item as Pick<Product, 'status' | 'stock' | 'version'> | undefined) ?? null;
  }

  async countedInYear(buyerKey: string, year: number): Promise<Money> {
    const { Item } = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: keys.buyerYear(buyerKey, year), ConsistentRead: true, ProjectionExpression: 'counted' }),
    );
    return { amount: typeof Item?.counted === 'number' ? Item.counted : 0, currency: 'CNY' };
  }

  async attachPaymentSession(orderId: string, sessionId: string): Promise<void> {
    try {
      await withConflictRetry(() =>
        this.doc.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: keys.order(orderId),
            UpdateExpression: 'SET paymentSessionId = :session',
            // A newer checkout of the same cart may have released the order meanwhile: then the session must not be handed out.
            ConditionExpression: '#status = :pending AND (attribute_not_exists(paymentSessionId) OR paymentSessionId = :session)',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':session': sessionId, ':pending': 'pending_payment' },
          }),
        ),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw new OrderChangedError();
      throw error;
    }
  }

  async get(orderId: string): Promise<StoredOrder | null> {
    const items: Record<string, unknown>[] = [];
    const pages = paginateQuery(
      { client: this.doc },
      {
        TableName: this.tableName,
        ...keyCondition(queries.orderItems(orderId)),
        ConsistentRead: true,
      },
    );
    for await (const page of pages) items.push(...(page.Items ?? []));
    const orderItem = items.find(isOrderItem);
    if (!orderItem) return null;
    const lines = items
      .filter(isOrderLineItem)
      .map((item) => withoutKeys(item) as unknown as OrderLine)
      .sort((a, b) => a.lineNo - b.lineNo);
    const refunds = items
      .filter(isRefundItem)
      .map((item) => withoutKeys(item) as unknown as Refund)
      .sort((a, b) => a.requestedAt.localeCompare(b.requestedAt));
    return { order: withoutKeys(orderItem) as unknown as Order, lines, refunds };
  }

  async apply(order: Order, decision: Exclude<OrderDecision, { kind: 'none' }>, options: ApplyOptions): Promise<OrderStatus> {
    switch (decision.kind) {
      case 'sell':
        await this.transact(order, options, 'paid', { from: 'reserved', to: 'sold' }, true, { allowance: 'none' });
        return 'paid';
      case 'release':
        await this.transact(order, options, decision.status, { from: 'reserved', to: 'stock' }, false, { allowance: 'giveBack' });
        return decision.status;
      case 'resell':
        for (const plan of LATE_PAYMENT_PLANS) {
          try {
            await this.transact(order, { ...options, note: plan.note }, plan.status, plan.takeStock ? { from: 'stock', to: 'sold' } : null, plan.takeStock, {
              allowance: plan.countTowardYear ? 'count' : 'none',
              ...(plan.attention ? { attention: plan.attention } : {}),
            });
            return plan.status;
          } catch (error) {
            if (!(error instanceof StockGoneError || error instanceof AllowanceGoneError)) throw error;
          }
        }
        throw new Error(`No late-payment plan could be carried out for order ${order.orderId}`);
    }
  }

  /**
   * One transaction: the event record (if any), the order's status change conditioned on the
   * status it was decided from, the unit moves on each product, the buyer's yearly count (given
   * back on a release, counted again within the limit on a late payment) and, when sold, the lines
   * join their pavilions' queues and the cart is emptied.
   */
  private async transact(
    order: Order,
    options: ApplyOptions,
    status: OrderStatus,
    move: { from: 'reserved' | 'stock'; to: 'sold' | 'stock' } | null,
    sold: boolean,
    extra: { allowance: 'count' | 'giveBack' | 'none'; attention?: AttentionReason },
  ): Promise<void> {
    const skipped = new Set<string>();
    let cartMovedOn = false;
    for (;;) {
      const items: TransactItem[] = [];
      let cartIndex = -1;
      if (options.eventId) items.push(eventRecordPut(this.tableName, { eventId: options.eventId, orderId: order.orderId, outcome: status, now: options.now }));
      const orderIndex = items.length;
      // Money received (paid, or paid and waiting for an operator) appends to the settlement ledger.
      const ledger = (status === 'paid' || status === 'paid_needs_attention') && options.ledger ? options.ledger : null;
      const timeField = sold ? 'paidAt' : 'closedAt';
      const notPending = removeAttributes(keys.pendingOrderEntryAttributes, 'pending');
      // Waiting for an operator: the GSI2 entry moves from the pending list to the attention list (the console's "needs attention").
      const attentionEntry = status === 'paid_needs_attention' ? setEntry(keys.attentionOrderEntry(order.orderId, options.now), 'attn') : null;
      items.push({
        Update: {
          TableName: this.tableName,
          Key: keys.order(order.orderId),
          UpdateExpression: `SET #status = :status, ${timeField} = :now${options.note ? ', note = :note' : ''}${status === 'paid_needs_attention' ? ', paidAt = :now' : ''}${status === 'cancelled' ? ', cancelledAt = :now' : ''}${options.paymentId ? ', paymentId = :paymentId' : ''}${extra.attention ? ', attention = :attention' : ''}${ledger ? ', commissionBp = :commissionBp' : ''}${attentionEntry ? `, ${attentionEntry.expression}` : ` REMOVE ${notPending.expression}`}`,
          // Decided on the order as read: its status and its payment session (one attached since means: decide again).
          ConditionExpression: `#status = :from AND ${order.paymentSessionId ? 'paymentSessionId = :session' : 'attribute_not_exists(paymentSessionId)'}`,
          ExpressionAttributeNames: { '#status': 'status', ...(attentionEntry ? attentionEntry.names : notPending.names) },
          ExpressionAttributeValues: {
            ':status': status, ':from': order.status, ':now': options.now,
            ...(attentionEntry ? attentionEntry.values : {}),
            ...(options.note ? { ':note': options.note } : {}),
            ...(options.paymentId ? { ':paymentId': options.paymentId } : {}),
            ...(extra.attention ? { ':attention': extra.attention } : {}),
            ...(ledger ? { ':commissionBp': ledger.commissionBp } : {}),
            ...(order.paymentSessionId ? { ':session': order.paymentSessionId } : {}),
          },
        },
      });
      // Leaving pending_payment frees the order's place among its shopper's unpaid orders.
      if (order.status === 'pending_payment' && status !== 'pending_payment') items.push(...freeUnpaidHolds(this.tableName, order));
      // Orders placed before buyers were counted carry no claim.
      let allowanceIndex = -1;
      if (order.allowance && extra.allowance === 'giveBack') {
        items.push({
          Update: {
            TableName: this.tableName,
            Key: keys.buyerYear(order.allowance.buyerKey, order.allowance.year),
            UpdateExpression: 'ADD counted :giveBack',
            ExpressionAttributeValues: { ':giveBack': -order.allowance.counted.amount },
          },
        });
      } else if (order.allowance && extra.allowance === 'count') {
        allowanceIndex = items.length;
        items.push({
          Update: {
            TableName: this.tableName,
            Key: keys.buyerYear(order.allowance.buyerKey, order.allowance.year),
            UpdateExpression: 'SET counted = if_not_exists(counted, :zero) + :value, updatedAt = :now',
            ConditionExpression: 'attribute_not_exists(counted) OR counted <= :atMost',
            ExpressionAttributeValues: {
              ':zero': 0, ':value': order.allowance.counted.amount, ':atMost': countedAtMostFor(order.allowance.counted), ':now': options.now,
            },
          },
        });
      }
      const productIndexes = new Map<number, string>();
      for (const line of move ? order.lines : []) {
        if (skipped.has(line.productId) || !move) continue;
        productIndexes.set(items.length, line.productId);
        items.push({
          Update: {
            TableName: this.tableName,
            Key: keys.product(line.productId),
            UpdateExpression: `SET ${move.from} = ${move.from} - :q, ${move.to} = ${move.to} + :q`,
            // Units leave a count only if the count holds them: a net under the arithmetic, for releases and sales too.
            ConditionExpression: `attribute_exists(PK) AND ${move.from} >= :q`,
            ExpressionAttributeValues: { ':q': line.quantity },
          },
        });
      }
      if (sold) {
        for (const line of order.lines) {
          // The line joins its pavilion's queue and its "to ship" part (keys.pavilionQueueEntry): attributes, no more items.
          const queue = setEntry(keys.pavilionQueueEntry({ ...line, orderId: order.orderId, fulfilment: 'to_ship' }, options.now), 'queue');
          items.push({
            Update: {
              TableName: this.tableName,
              Key: keys.orderLine(order.orderId, line.lineNo),
              UpdateExpression: `SET fulfilment = :toShip, paidAt = :now, ${queue.expression}`,
              ConditionExpression: 'attribute_exists(PK)',
              ExpressionAttributeNames: queue.names,
              ExpressionAttributeValues: { ':toShip': 'to_ship', ':now': options.now, ...queue.values },
            },
          });
        }
        // Only the cart this order came from: after a release the shopper may have checked it out again.
        if (order.cartId && !cartMovedOn) {
          cartIndex = items.length;
          items.push({
            Delete: {
              TableName: this.tableName,
              Key: keys.cart(order.cartId),
              ConditionExpression: 'attribute_not_exists(PK) OR pendingOrderId = :order',
              ExpressionAttributeValues: { ':order': order.orderId },
            },
          });
        }
      }
      // The mail this change causes (domain/mail/outbox.ts): the shopper's confirmation, one record for the order's pavilions.
      const mailIndexes = new Set<number>();
      for (const write of this.mailOf(order, status, sold, options.now)) {
        mailIndexes.add(items.length);
        items.push(write);
      }
      const ledgerIndexes = new Set<number>();
      for (const put of ledgerPuts(this.tableName, ledger?.records)) {
        ledgerIndexes.add(items.length);
        items.push(put);
      }
      try {
        await withConflictRetry(() => this.doc.send(new TransactWriteCommand({ TransactItems: items })));
        return;
      } catch (error) {
        const failed = failedConditions(error);
        if (!failed) throw error;
        if (options.eventId && failed.includes(0)) throw new EventAlreadyProcessedError();
        if (failed.some((index) => mailIndexes.has(index))) throw new OrderChangedError();
        // A ledger record already there was appended by a write that also moved the order on: decide again.
        if (failed.includes(orderIndex) || failed.some((index) => ledgerIndexes.has(index))) throw new OrderChangedError();
        if (failed.includes(allowanceIndex)) throw new AllowanceGoneError();
        // The cart belongs to a newer checkout now: leave it to that one.
        if (failed.includes(cartIndex)) {
          cartMovedOn = true;
          continue;
        }
        const failedProducts = failed.flatMap((index) => productIndexes.get(index) ?? []);
        if (failedProducts.length === 0) throw error;
        if (move?.from === 'stock') throw new StockGoneError();
        // A product item that no longer exists, or holds fewer reserved units than the order (the counts
        // were broken elsewhere), cannot give them: settle the order without moving them, loudly.
        this.telemetry.error('order units not held by their product', { orderId: order.orderId, products: failedProducts });
        for (const id of failedProducts) skipped.add(id);
      }
    }
  }

  /** Paid: the held confirmation is released; lines joining their queues: the pavilions' record (two items at most, whatever the order's size). */
  private mailOf(order: Order, status: OrderStatus, sold: boolean, now: string): TransactItem[] {
    const writes: TransactItem[] = [];
    if (confirmsOrder(status)) writes.push(outboxWrites.release(this.tableName, confirmationEntry(order.orderId, now)));
    if (sold) writes.push(outboxWrites.ready(this.tableName, newLinesEntry(order.orderId, order.lines.map((line) => line.pavilion), now)));
    return writes;
  }

  async listLapsed(now: string, limit: number): Promise<readonly Order[]> {
    const page = await this.doc.send(
      new QueryCommand({ TableName: this.tableName, ...keyCondition(queries.pendingOrdersBefore(now)), Limit: limit }),
    );
    return (page.Items ?? []).map((item) => withoutKeys(item) as unknown as Order);
  }

  async postponeExpiry(orderId: string, expiresAt: string): Promise<void> {
    // The pending entry moves with the expiry (its partition stays: the order is still pending).
    const position = setEntry(keys.pendingOrderEntry(orderId, expiresAt), 'position');
    await withConflictRetry(() =>
      this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.order(orderId),
          UpdateExpression: `SET expiresAt = :expiresAt, ${position.expression}`,
          ConditionExpression: '#status = :pending',
          ExpressionAttributeNames: { '#status': 'status', ...position.names },
          ExpressionAttributeValues: { ':expiresAt': expiresAt, ':pending': 'pending_payment', ...position.values },
        }),
      ),
    ).catch((error: unknown) => {
      if ((error as { name?: string }).name !== 'ConditionalCheckFailedException') throw error;
    });
  }
}

/** Re-selling after a release found a product without enough free units. */
class StockGoneError extends Error {}

/** Re-selling after a release found the buyer's yearly allowance taken by other orders meanwhile. */
class AllowanceGoneError extends Error {}
