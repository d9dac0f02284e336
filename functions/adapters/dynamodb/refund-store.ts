import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { QueryCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Money } from '../../domain/money.js';
import type { Order } from '../../domain/order.js';
import type { PavilionCode } from '../../domain/pavilion.js';
import type { Refund, RefundRequestPlan, RefundSettlementPlan, UnitsMove } from '../../domain/refund.js';
import type { LineReturn } from '../../domain/returns.js';
import { EventAlreadyProcessedError, OrderChangedError } from '../../ports/order-store.js';
import type { FailedRefundsPage, RefundStore, RequestOptions, SettleOptions } from '../../ports/refund-store.js';
import type { Telemetry } from '../../ports/telemetry.js';
import { failedConditions, withConflictRetry } from './conflict-retry.js';
import { outboxWrites } from './outbox-store.js';
import { refundEntry, returnStepEntry } from '../../domain/mail/outbox.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { keyCondition, keys, moveFulfilmentEntry, queries, removeAttributes, setEntry, withoutKeys } from './keys.js';
import { ledgerPuts } from './ledger-store.js';
import { eventRecordPut, type TransactItem } from './transact.js';



/**
 * Refunds and returns on the single table. Each write is one TransactWriteItems conditioned on what
 * the domain decided from (the order's status and refund totals, each line's refund and return as
 * read), so two writers racing on one order never both get through: the loser reads and decides again.
 */
export class DynamoRefundStore implements RefundStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly telemetry: Telemetry,
  ) {}

  async request(order: Order, plan: RefundRequestPlan, options: RequestOptions = {}): Promise<void> {
    const { refund } = plan;
    const items: TransactItem[] = [
      {
        Put: {
          TableName: this.tableName,
          Item: { ...keys.refund(order.orderId, refund.refundId), ...keys.unsentRefundEntry(refund.refundId, refund.requestedAt), type: 'refund', ...refund },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
    ];
    const committed = asRead('refundsCommitted', order.refundsCommitted, 'c');
    // Refunding an order that waited for an operator resolves it: it leaves the console's attention list.
    const resolved = order.status === 'paid_needs_attention' ? removeAttributes(keys.attentionOrderEntryAttributes, 'attn') : null;
    items.push({
      Update: {
        TableName: this.tableName,
        Key: keys.order(order.orderId),
        UpdateExpression: `SET #status = :status, refundsCommitted = :committed${plan.cancelledAt ? ', cancelledAt = :cancelledAt' : ''}${resolved ? ` REMOVE ${resolved.expression}` : ''}`,
        // The domain's shares never pass the total; the table refuses it as well.
        ConditionExpression: `#status = :statusWas AND ${committed.condition} AND #total.#amount >= :committedAmount`,
        ExpressionAttributeNames: { '#status': 'status', '#total': 'total', '#amount': 'amount', ...committed.names, ...(resolved?.names ?? {}) },
        ExpressionAttributeValues: {
          ':status': plan.status, ':statusWas': plan.statusWas, ':committed': plan.committed, ':committedAmount': plan.committed.amount,
          ...(plan.cancelledAt ? { ':cancelledAt': plan.cancelledAt } : {}),
          ...committed.values,
        },
      },
    });
    for (const line of plan.lines) items.push(this.lineRequestUpdate(order.orderId, line, options.pavilion));
    // The failed refunds this one takes over leave the failed list: operators see what is still open.
    const offList = removeAttributes(keys.refundEntryAttributes, 'entry');
    for (const previous of new Set(plan.lines.flatMap((line) => line.previousRefundId ?? []))) {
      items.push({
        Update: {
          TableName: this.tableName,
          Key: keys.refund(order.orderId, previous),
          UpdateExpression: `SET retriedBy = :id REMOVE ${offList.expression}`,
          ConditionExpression: '#status = :failed',
          ExpressionAttributeNames: { '#status': 'status', ...offList.names },
          ExpressionAttributeValues: { ':id': refund.refundId, ':failed': 'failed' },
        },
      });
    }
    if (options.audit) {
      const { audit } = options;
      items.push({
        Put: {
          TableName: this.tableName,
          Item: { ...keys.operatorAction(audit.orderId, audit.at, audit.actionId), type: 'operator_action', ...audit },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      });
    }
    try {
      await withConflictRetry(() => this.doc.send(new TransactWriteCommand({ TransactItems: items })));
    } catch (error) {
      const failed = failedConditions(error);
      if (!failed || failed.includes(0)) throw error;
      throw new OrderChangedError();
    }
  }

  /**
   * A covered line takes the refund, conditioned on the line as read: its fulfilment (shipped
   * meanwhile: decide again), no refund or the failed one replaced, the manager's pavilion, its return.
   */
  private lineRequestUpdate(orderId: string, line: RefundRequestPlan['lines'][number], pavilion: PavilionCode | undefined): TransactItem {
    const names: Record<string, string> = { '#refund': 'refund', '#fulfilment': 'fulfilment' };
    const values: Record<string, unknown> = { ':refund': line.refund, ':fulfilment': line.fulfilment, ':fulfilmentWas': line.fulfilmentWas };
    const set = ['#refund = :refund', '#fulfilment = :fulfilment'];
    const conditions = ['attribute_exists(PK)', '#fulfilment = :fulfilmentWas'];
    if (line.previousRefundId) {
      Object.assign(names, { '#refundId': 'refundId', '#status': 'status' });
      Object.assign(values, { ':previous': line.previousRefundId, ':failed': 'failed' });
      conditions.push('#refund.#refundId = :previous', '#refund.#status = :failed');
    } else {
      conditions.push('attribute_not_exists(#refund)');
    }
    if (pavilion) {
      names['#pavilion'] = 'pavilion';
      values[':mine'] = pavilion;
      conditions.push('#pavilion = :mine');
    }
    // A paid line that stops shipping moves to its pavilion's "cancelled" queue in the same write (keys.ts).
    // A line never paid (awaiting_payment) is on no queue and joins none.
    if (line.fulfilment !== line.fulfilmentWas && line.fulfilmentWas !== 'awaiting_payment' && line.fulfilment !== 'awaiting_payment') {
      const moved = moveFulfilmentEntry(line.pavilion, line.fulfilment, 'queue');
      Object.assign(names, moved.names);
      Object.assign(values, moved.values);
      set.push(moved.expression);
    }
    if (line.returnRequest) {
      names['#return'] = 'returnRequest';
      values[':return'] = line.returnRequest;
      set.push('#return = :return');
      if (line.returnWas) {
        names['#status'] = 'status';
        values[':returnWas'] = line.returnWas.status;
        conditions.push('#return.#status = :returnWas');
      } else {
        conditions.push('attribute_not_exists(#return)');
      }
    }
    return {
      Update: {
        TableName: this.tableName,
        Key: keys.orderLine(orderId, line.lineNo),
        UpdateExpression: `SET ${set.join(', ')}`,
        ConditionExpression: conditions.join(' AND '),
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    };
  }

  async markSent(orderId: string, refundId: string, providerRefundId: string, at: string): Promise<void> {
    const offList = removeAttributes(keys.refundEntryAttributes, 'entry');
    try {
      await withConflictRetry(() =>
        this.doc.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: keys.refund(orderId, refundId),
            UpdateExpression: `SET providerRefundId = :provider, sentAt = :at REMOVE ${offList.expression}`,
            // Settled by its event already (which recorded the provider's id): leave it, and its place on the failed list, alone.
            ConditionExpression: '#status = :requested',
            ExpressionAttributeNames: { '#status': 'status', ...offList.names },
            ExpressionAttributeValues: { ':provider': providerRefundId, ':at': at, ':requested': 'requested' },
          }),
        ),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  async settle(order: Order, refund: Refund, plan: RefundSettlementPlan, options: SettleOptions): Promise<void> {
    const skipped = new Set<string>();
    for (;;) {
      const items: TransactItem[] = [];
      if (options.eventId) {
        items.push(eventRecordPut(this.tableName, { eventId: options.eventId, orderId: order.orderId, refundId: refund.refundId, outcome: plan.refundStatus, now: options.now }));
      }
      const refundIndex = items.length;
      items.push(this.refundStatusUpdate(order.orderId, refund, plan, options));
      const orderIndex = items.length;
      const refunded = asRead('refunded', order.refunded, 'r');
      const committed = asRead('refundsCommitted', order.refundsCommitted, 'c');
      items.push({
        Update: {
          TableName: this.tableName,
          Key: keys.order(order.orderId),
          UpdateExpression: 'SET #status = :status, refunded = :refunded, refundsCommitted = :committed',
          ConditionExpression: `#status = :statusWas AND ${refunded.condition} AND ${committed.condition}`,
          ExpressionAttributeNames: { '#status': 'status', ...refunded.names, ...committed.names },
          ExpressionAttributeValues: {
            ':status': plan.status, ':statusWas': plan.statusWas, ':refunded': plan.refunded, ':committed': plan.committed,
            ...refunded.values, ...committed.values,
          },
        },
      });
      const lineIndexes = new Set<number>();
      for (const line of plan.lines) {
        lineIndexes.add(items.length);
        items.push({
          Update: {
            TableName: this.tableName,
            Key: keys.orderLine(order.orderId, line.lineNo),
            UpdateExpression: `SET #refund = :refund${line.returnRequest ? ', #return = :return' : ''}`,
            ConditionExpression: '#refund.#refundId = :refundId',
            ExpressionAttributeNames: { '#refund': 'refund', '#refundId': 'refundId', ...(line.returnRequest ? { '#return': 'returnRequest' } : {}) },
            ExpressionAttributeValues: { ':refund': line.refund, ':refundId': refund.refundId, ...(line.returnRequest ? { ':return': line.returnRequest } : {}) },
          },
        });
      }
      const productIndexes = new Map<number, string>();
      for (const move of plan.moves) {
        if (skipped.has(move.productId)) continue;
        productIndexes.set(items.length, move.productId);
        items.push({ Update: { TableName: this.tableName, Key: keys.product(move.productId), ...unitsUpdate(move) } });
      }
      // Orders placed before buyers were counted carry no claim. A reversed success counts the claim again (no limit: it was counted before).
      if (order.allowance && plan.allowanceBack.amount !== 0) {
        items.push({
          Update: {
            TableName: this.tableName,
            Key: keys.buyerYear(order.allowance.buyerKey, order.allowance.year),
            UpdateExpression: 'ADD counted :giveBack SET updatedAt = :now',
            ExpressionAttributeValues: { ':giveBack': -plan.allowanceBack.amount, ':now': options.now },
          },
        });
      }
      // The shopper hears of a refund once it succeeded (domain/mail/outbox.ts refundEntry): its mail record joins the transaction.
      const mail = refundEntry(refund, plan, options.now);
      const mailIndex = mail ? items.length : -1;
      if (mail) items.push(outboxWrites.ready(this.tableName, mail));
      // The settlement ledger: the refund's entries (or their reversal) for each pavilion, in this transaction.
      const ledgerIndexes = new Set<number>();
      for (const put of ledgerPuts(this.tableName, options.ledger)) {
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
        if (failed.includes(mailIndex)) throw new OrderChangedError();
        if (failed.includes(refundIndex) || failed.includes(orderIndex) || failed.some((index) => lineIndexes.has(index) || ledgerIndexes.has(index))) throw new OrderChangedError();
        const missing = failed.flatMap((index) => productIndexes.get(index) ?? []);
        if (missing.length === 0) throw error;
        // A product item that no longer exists cannot take units back: carry on without it, loudly.
        // Undoing a restock whose units were sold again meanwhile cannot take them back either.
        this.telemetry.warn('refund cannot move units of these products (missing, or restocked units sold again)', { orderId: order.orderId, refundId: refund.refundId, products: missing });
        for (const id of missing) skipped.add(id);
      }
    }
  }

  private refundStatusUpdate(orderId: string, refund: Refund, plan: RefundSettlementPlan, options: SettleOptions): TransactItem {
    const succeeded = plan.refundStatus === 'succeeded';
    const names: Record<string, string> = { '#status': 'status' };
    const values: Record<string, unknown> = { ':status': plan.refundStatus, ':was': plan.refundStatusWas, ':now': options.now };
    const set = ['#status = :status', `${succeeded ? 'succeededAt' : 'failedAt'} = :now`];
    if (options.providerRefundId) {
      set.push('providerRefundId = if_not_exists(providerRefundId, :provider)');
      values[':provider'] = options.providerRefundId;
    }
    if (options.failureReason && !succeeded) {
      set.push('failureReason = :reason');
      values[':reason'] = options.failureReason;
    }
    let remove = '';
    if (succeeded) {
      const offList = removeAttributes(keys.refundEntryAttributes, 'entry');
      remove = ` REMOVE ${offList.expression}`;
      Object.assign(names, offList.names);
    } else {
      const failedEntry = setEntry(keys.failedRefundEntry(refund.refundId, options.now), 'failed');
      set.push(failedEntry.expression);
      Object.assign(names, failedEntry.names);
      Object.assign(values, failedEntry.values);
    }
    return {
      Update: {
        TableName: this.tableName,
        Key: keys.refund(orderId, refund.refundId),
        UpdateExpression: `SET ${set.join(', ')}${remove}`,
        ConditionExpression: '#status = :was',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    };
  }

  async writeReturn(orderId: string, lineNo: number, next: LineReturn, expect: { readonly was: LineReturn | undefined; readonly pavilion?: PavilionCode }): Promise<void> {
    const update = {
      TableName: this.tableName,
      Key: keys.orderLine(orderId, lineNo),
      UpdateExpression: 'SET #return = :next',
      ConditionExpression: [
        'attribute_exists(PK)',
        expect.was ? '#return.#status = :was' : 'attribute_not_exists(#return)',
        // Nothing refunded meanwhile (a failed refund leaves the line open).
        '(attribute_not_exists(#refund) OR #refund.#status = :failed)',
        ...(expect.pavilion ? ['#pavilion = :mine'] : []),
      ].join(' AND '),
      ExpressionAttributeNames: { '#return': 'returnRequest', '#status': 'status', '#refund': 'refund', ...(expect.pavilion ? { '#pavilion': 'pavilion' } : {}) },
      ExpressionAttributeValues: {
        ':next': next, ':failed': 'failed',
        ...(expect.was ? { ':was': expect.was.status } : {}),
        ...(expect.pavilion ? { ':mine': expect.pavilion } : {}),
      },
    };
    // An accepted return tells the shopper (domain/mail/outbox.ts returnStepEntry), in the same transaction.
    const mail = returnStepEntry(orderId, lineNo, next, next.decidedAt ?? new Date().toISOString());
    try {
      if (mail) {
        await withConflictRetry(() => this.doc.send(new TransactWriteCommand({ TransactItems: [{ Update: update }, outboxWrites.ready(this.tableName, mail)] })));
      } else {
        await withConflictRetry(() => this.doc.send(new UpdateCommand(update)));
      }
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException || failedConditions(error)) throw new OrderChangedError();
      throw error;
    }
  }

  async listFailed(limit: number, cursor?: string): Promise<FailedRefundsPage> {
    const query = queries.failedRefunds();
    const page = await this.doc.send(
      new QueryCommand({ TableName: this.tableName, ...keyCondition(query), ScanIndexForward: false, Limit: limit, ExclusiveStartKey: decodeCursor(cursor, query) }),
    );
    return { items: (page.Items ?? []).map(toRefund), nextCursor: encodeCursor(page.LastEvaluatedKey) };
  }

  async listUnsent(before: string, limit: number): Promise<readonly Refund[]> {
    const page = await this.doc.send(new QueryCommand({ TableName: this.tableName, ...keyCondition(queries.unsentRefundsBefore(before)), Limit: limit }));
    return (page.Items ?? []).map(toRefund);
  }
}

/**
 * A refund's units (domain/refund.ts UnitsBack): restocked units are free to sell again, written-off
 * ones leave the counts; a reversed success puts them back in `sold`, restocked ones only while still free.
 */
function unitsUpdate(move: UnitsMove) {
  const values = { ':q': move.quantity };
  if (!move.undo) {
    return {
      UpdateExpression: move.units === 'restock' ? 'SET stock = stock + :q, sold = sold - :q' : 'SET sold = sold - :q',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeValues: values,
    };
  }
  return {
    UpdateExpression: move.units === 'restock' ? 'SET stock = stock - :q, sold = sold + :q' : 'SET sold = sold + :q',
    ConditionExpression: move.units === 'restock' ? 'attribute_exists(PK) AND stock >= :q' : 'attribute_exists(PK)',
    ExpressionAttributeValues: values,
  };
}

function toRefund(item: Record<string, unknown>): Refund {
  return withoutKeys(item) as unknown as Refund;
}

/**
 * A condition that an order's money attribute is still what was read: absent when it was, else the
 * same amount (a refund write always changes it by a refund's amount, so equal means untouched).
 */
function asRead(attribute: 'refunded' | 'refundsCommitted', value: Money | undefined, tag: string) {
  const name = `#${tag}Attr`;
  if (!value) return { condition: `attribute_not_exists(${name})`, names: { [name]: attribute }, values: {} };
  return {
    condition: `${name}.#${tag}Amount = :${tag}Was`,
    names: { [name]: attribute, [`#${tag}Amount`]: 'amount' },
    values: { [`:${tag}Was`]: value.amount },
  };
}
