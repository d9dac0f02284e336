import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { batchDueAt, HELD_MAIL_DAYS, type OutboxEntry, type OutboxRecord, type PavilionBatch, type PavilionContact } from '../../domain/mail/outbox.js';
import type { PavilionCode } from '../../domain/pavilion.js';
import type { ClaimTimes, DueMail, OutboxStore, PavilionContactStore } from '../../ports/outbox-store.js';
import { failedConditions, withConflictRetry } from './conflict-retry.js';
import { isPavilionBatchItem, keyCondition, MAIL_BATCH_ITEM_TYPE, MAIL_ITEM_TYPE, mailKeys, mailQueries, removeAttributes, setEntry, withoutKeys } from './keys.js';
import { type TransactItem } from './transact.js';


/**
 * The outbox writes that join other stores' transactions (order-store.ts, pavilion-orders-store.ts,
 * refund-store.ts). A record's id comes from its cause, and it is put only if absent: a transaction
 * that would write the same mail twice is refused, not sent twice.
 */
export const outboxWrites = {
  /** A mail due now (or at the end of a pavilion's window): ready for the sender. */
  ready(tableName: string, entry: OutboxEntry): TransactItem {
    return {
      Put: {
        TableName: tableName,
        Item: {
          ...mailKeys.mail(entry.orderId, entry.mailId),
          ...mailKeys.dueEntry(entry.orderId, entry.mailId, entry.dueAt),
          type: MAIL_ITEM_TYPE,
          ...entry,
          status: 'ready',
          attempts: 0,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    };
  },

  /** The confirmation prepared at checkout: it holds the order page's token (never stored elsewhere) until the payment releases it. */
  held(tableName: string, entry: OutboxEntry, orderToken: string): TransactItem {
    return {
      Put: {
        TableName: tableName,
        Item: {
          ...mailKeys.mail(entry.orderId, entry.mailId),
          type: MAIL_ITEM_TYPE,
          ...entry,
          status: 'held',
          attempts: 0,
          orderToken,
          // An order nobody paid never sends it: the table forgets the token by itself.
          ttl: Math.floor(Date.parse(entry.createdAt) / 1000) + HELD_MAIL_DAYS * 86_400,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    };
  },

  /**
   * The payment releases the held confirmation: due now, no longer expiring. No condition: the
   * payment's own transaction (its event record, the order's status) already makes it happen once,
   * and an order placed before confirmations were prepared gets one without the link.
   */
  release(tableName: string, entry: OutboxEntry): TransactItem {
    const due = setEntry(mailKeys.dueEntry(entry.orderId, entry.mailId, entry.dueAt), 'due');
    return {
      Update: {
        TableName: tableName,
        Key: mailKeys.mail(entry.orderId, entry.mailId),
        UpdateExpression:
          `SET #status = :ready, dueAt = :due, #type = :type, mailId = :mailId, orderId = :orderId, kind = :kind, audience = :audience, ` +
          `createdAt = if_not_exists(createdAt, :due), attempts = if_not_exists(attempts, :zero), ${due.expression} REMOVE #ttl`,
        ExpressionAttributeNames: { '#status': 'status', '#type': 'type', '#ttl': 'ttl', ...due.names },
        ExpressionAttributeValues: {
          ':ready': 'ready', ':due': entry.dueAt, ':type': MAIL_ITEM_TYPE, ':mailId': entry.mailId, ':orderId': entry.orderId,
          ':kind': entry.kind, ':audience': entry.audience, ':zero': 0, ...due.values,
        },
      },
    };
  },
};

/** The sender's side: claim, mark sent, release for a retry, give up. */
export class DynamoOutboxStore implements OutboxStore, PavilionContactStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async listDue(now: string, limit: number): Promise<readonly DueMail[]> {
    const page = await this.doc.send(new QueryCommand({ TableName: this.tableName, ...keyCondition(mailQueries.dueBefore(now)), Limit: limit }));
    return (page.Items ?? []).map((item): DueMail => (isPavilionBatchItem(item) ? { kind: 'batch', batch: toBatch(item) } : { kind: 'record', record: toRecord(item) }));
  }

  async joinBatches(record: OutboxRecord, now: string): Promise<boolean> {
    const offList = removeAttributes(mailKeys.listEntryAttributes, 'entry');
    const done: TransactItem = {
      Update: {
        TableName: this.tableName,
        Key: mailKeys.mail(record.orderId, record.mailId),
        UpdateExpression: `SET #status = :sent, sentAt = :now, subject = :subject, providerMessageId = :batched REMOVE claimId, claimedUntil, ${offList.expression}`,
        ConditionExpression: '(#status = :ready AND dueAt <= :now) OR (#status = :sending AND claimedUntil < :now)',
        ExpressionAttributeNames: { '#status': 'status', ...offList.names },
        ExpressionAttributeValues: { ':sent': 'sent', ':ready': 'ready', ':sending': 'sending', ':now': now, ':subject': '', ':batched': 'batched' },
      },
    };
    // Joining is idempotent (a string set) and starts the batch's window only if it had none.
    const joins: TransactItem[] = (record.pavilions ?? []).map((pavilion) => {
      const due = mailKeys.pavilionBatchDueEntry(pavilion, batchDueAt(now));
      return {
        Update: {
          TableName: this.tableName,
          Key: mailKeys.pavilionBatch(pavilion),
          UpdateExpression:
            'ADD orderIds :order SET #type = :type, pavilion = :pavilion, #status = if_not_exists(#status, :ready), dueAt = if_not_exists(dueAt, :due), ' +
            '#gpk = if_not_exists(#gpk, :gpk), #gsk = if_not_exists(#gsk, :gsk)',
          ExpressionAttributeNames: { '#type': 'type', '#status': 'status', '#gpk': mailKeys.listEntryAttributes[0], '#gsk': mailKeys.listEntryAttributes[1] },
          ExpressionAttributeValues: {
            ':order': new Set([record.orderId]), ':type': MAIL_BATCH_ITEM_TYPE, ':pavilion': pavilion, ':ready': 'ready',
            ':due': batchDueAt(now), ':gpk': due.GSI2PK, ':gsk': due.GSI2SK,
          },
        },
      };
    });
    try {
      await withConflictRetry(() => this.doc.send(new TransactWriteCommand({ TransactItems: [done, ...joins] })));
      return true;
    } catch (error) {
      if (failedConditions(error)) return false;
      throw error;
    }
  }

  async claimBatch(pavilion: PavilionCode, claimId: string, { now, until }: Omit<ClaimTimes, 'dueBy'>): Promise<PavilionBatch | null> {
    try {
      const { Attributes } = await withConflictRetry(() =>
        this.doc.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: mailKeys.pavilionBatch(pavilion),
            UpdateExpression: 'SET #status = :sending, claimId = :claim, claimedUntil = :until, attempts = if_not_exists(attempts, :zero) + :one',
            ConditionExpression: 'attribute_exists(orderIds) AND ((#status = :ready AND dueAt <= :now) OR (#status = :sending AND claimedUntil < :now))',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':sending': 'sending', ':ready': 'ready', ':claim': claimId, ':until': until, ':now': now, ':zero': 0, ':one': 1 },
            ReturnValues: 'ALL_NEW',
          }),
        ),
      );
      return Attributes ? toBatch(Attributes) : null;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return null;
      throw error;
    }
  }

  async batchSent(pavilion: PavilionCode, claimId: string, orderIds: readonly string[], at: string): Promise<void> {
    await this.leaveBatch(pavilion, claimId, orderIds, at, { lastSentAt: at });
  }

  async batchFailed(pavilion: PavilionCode, claimId: string, orderIds: readonly string[], at: string, reason: string): Promise<void> {
    await this.leaveBatch(pavilion, claimId, orderIds, at, { lastFailedAt: at, lastFailure: reason, lastFailedOrders: [...orderIds] });
  }

  async releaseBatch(pavilion: PavilionCode, claimId: string, retryAt: string): Promise<void> {
    const due = setEntry(mailKeys.pavilionBatchDueEntry(pavilion, retryAt), 'due');
    await this.conditional(
      new UpdateCommand({
        TableName: this.tableName,
        Key: mailKeys.pavilionBatch(pavilion),
        UpdateExpression: `SET #status = :ready, dueAt = :retryAt, ${due.expression} REMOVE claimId, claimedUntil`,
        ConditionExpression: '#status = :sending AND claimId = :claim',
        ExpressionAttributeNames: { '#status': 'status', ...due.names },
        ExpressionAttributeValues: { ':ready': 'ready', ':sending': 'sending', ':claim': claimId, ':retryAt': retryAt, ...due.values },
      }),
    );
  }

  /**
   * The named orders leave the batch. If none joined meanwhile the batch closes (off the due list;
   * the next order opens a new window); if some did, they wait a window of their own.
   */
  private async leaveBatch(pavilion: PavilionCode, claimId: string, orderIds: readonly string[], at: string, note: Record<string, unknown>): Promise<void> {
    const key = mailKeys.pavilionBatch(pavilion);
    const noteSet = Object.keys(note).map((name, i) => `#n${i} = :n${i}`);
    const noteNames = Object.fromEntries(Object.keys(note).map((name, i) => [`#n${i}`, name]));
    const noteValues = Object.fromEntries(Object.values(note).map((value, i) => [`:n${i}`, value]));
    const offList = removeAttributes(mailKeys.listEntryAttributes, 'entry');
    const closed = await this.conditional(
      new UpdateCommand({
        TableName: this.tableName,
        Key: key,
        UpdateExpression: `DELETE orderIds :sent SET ${noteSet.join(', ')}, attempts = :zero REMOVE #status, dueAt, claimId, claimedUntil, ${offList.expression}`,
        ConditionExpression: 'claimId = :claim AND size(orderIds) = :count',
        ExpressionAttributeNames: { '#status': 'status', ...noteNames, ...offList.names },
        ExpressionAttributeValues: { ':sent': new Set(orderIds), ':claim': claimId, ':count': orderIds.length, ':zero': 0, ...noteValues },
      }),
    );
    if (closed) return;
    const next = batchDueAt(at);
    const due = setEntry(mailKeys.pavilionBatchDueEntry(pavilion, next), 'due');
    await this.conditional(
      new UpdateCommand({
        TableName: this.tableName,
        Key: key,
        UpdateExpression: `DELETE orderIds :sent SET ${noteSet.join(', ')}, attempts = :zero, #status = :ready, dueAt = :next, ${due.expression} REMOVE claimId, claimedUntil`,
        ConditionExpression: 'claimId = :claim',
        ExpressionAttributeNames: { '#status': 'status', ...noteNames, ...due.names },
        ExpressionAttributeValues: { ':sent': new Set(orderIds), ':claim': claimId, ':zero': 0, ':ready': 'ready', ':next': next, ...noteValues, ...due.values },
      }),
    );
  }

  async listForOrder(orderId: string): Promise<readonly OutboxRecord[]> {
    const page = await this.doc.send(new QueryCommand({ TableName: this.tableName, ...keyCondition(mailQueries.orderMails(orderId)), ConsistentRead: true }));
    return (page.Items ?? []).map(toRecord);
  }

  async listFailed(limit: number): Promise<readonly OutboxRecord[]> {
    const page = await this.doc.send(new QueryCommand({ TableName: this.tableName, ...keyCondition(mailQueries.failed()), ScanIndexForward: false, Limit: limit }));
    return (page.Items ?? []).map(toRecord);
  }

  async claim(record: Pick<OutboxRecord, 'orderId' | 'mailId'>, claimId: string, { now, until, dueBy }: ClaimTimes): Promise<boolean> {
    return this.conditional(
      new UpdateCommand({
        TableName: this.tableName,
        Key: mailKeys.mail(record.orderId, record.mailId),
        UpdateExpression: 'SET #status = :sending, claimId = :claim, claimedUntil = :until, attempts = if_not_exists(attempts, :zero) + :one',
        // Ready and due, or held by a sender whose lease lapsed (it died between claiming and marking).
        ConditionExpression: '(#status = :ready AND dueAt <= :dueBy) OR (#status = :sending AND claimedUntil < :now)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':sending': 'sending', ':ready': 'ready', ':claim': claimId, ':until': until, ':now': now, ':dueBy': dueBy, ':zero': 0, ':one': 1 },
      }),
    );
  }

  async markSent(record: Pick<OutboxRecord, 'orderId' | 'mailId'>, claimId: string, sent: { at: string; subject: string; providerMessageId: string }): Promise<void> {
    const offLists = removeAttributes(mailKeys.listEntryAttributes, 'entry');
    await this.conditional(
      new UpdateCommand({
        TableName: this.tableName,
        Key: mailKeys.mail(record.orderId, record.mailId),
        // The order page's token leaves the table with the sent confirmation.
        UpdateExpression: `SET #status = :sent, sentAt = :at, subject = :subject, providerMessageId = :provider REMOVE claimId, claimedUntil, orderToken, ${offLists.expression}`,
        ConditionExpression: '#status = :sending AND claimId = :claim',
        ExpressionAttributeNames: { '#status': 'status', ...offLists.names },
        ExpressionAttributeValues: { ':sent': 'sent', ':sending': 'sending', ':claim': claimId, ':at': sent.at, ':subject': sent.subject, ':provider': sent.providerMessageId },
      }),
    );
  }

  async release(record: Pick<OutboxRecord, 'orderId' | 'mailId' | 'dueAt'>, claimId: string, retryAt: string): Promise<void> {
    const due = setEntry(mailKeys.dueEntry(record.orderId, record.mailId, retryAt), 'due');
    await this.conditional(
      new UpdateCommand({
        TableName: this.tableName,
        Key: mailKeys.mail(record.orderId, record.mailId),
        UpdateExpression: `SET #status = :ready, dueAt = :retryAt, ${due.expression} REMOVE claimId, claimedUntil`,
        ConditionExpression: '#status = :sending AND claimId = :claim',
        ExpressionAttributeNames: { '#status': 'status', ...due.names },
        ExpressionAttributeValues: { ':ready': 'ready', ':sending': 'sending', ':claim': claimId, ':retryAt': retryAt, ...due.values },
      }),
    );
  }

  async markFailed(record: Pick<OutboxRecord, 'orderId' | 'mailId'>, claimId: string, at: string, reason: string): Promise<void> {
    const failed = setEntry(mailKeys.failedEntry(record.orderId, record.mailId, at), 'failed');
    await this.conditional(
      new UpdateCommand({
        TableName: this.tableName,
        Key: mailKeys.mail(record.orderId, record.mailId),
        UpdateExpression: `SET #status = :failed, failedAt = :at, failureReason = :reason, ${failed.expression} REMOVE claimId, claimedUntil, orderToken`,
        ConditionExpression: '#status = :sending AND claimId = :claim',
        ExpressionAttributeNames: { '#status': 'status', ...failed.names },
        ExpressionAttributeValues: { ':failed': 'failed', ':sending': 'sending', ':claim': claimId, ':at': at, ':reason': reason, ...failed.values },
      }),
    );
  }

  async getContact(pavilion: PavilionCode): Promise<PavilionContact | null> {
    const { Item } = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: mailKeys.pavilionContact(pavilion) }));
    return Item ? { email: String(Item.email), language: Item.language as PavilionContact['language'] } : null;
  }

  async putContact(pavilion: PavilionCode, contact: PavilionContact): Promise<void> {
    await this.doc.send(
      new PutCommand({ TableName: this.tableName, Item: { ...mailKeys.pavilionContact(pavilion), type: 'pavilion_contact', pavilion, email: contact.email, language: contact.language } }),
    );
  }

  /** true when the write happened, false when its condition said no (another sender, or a lapsed claim taken over). */
  private async conditional(command: UpdateCommand): Promise<boolean> {
    try {
      await withConflictRetry(() => this.doc.send(command));
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}

function toRecord(item: Record<string, unknown>): OutboxRecord {
  return withoutKeys(item) as unknown as OutboxRecord;
}

function toBatch(item: Record<string, unknown>): PavilionBatch {
  const { orderIds, ...rest } = withoutKeys(item) as Record<string, unknown>;
  return { ...(rest as unknown as Omit<PavilionBatch, 'orderIds'>), orderIds: [...((orderIds as Set<string> | undefined) ?? [])].sort() };
}
