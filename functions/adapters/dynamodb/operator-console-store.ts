import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { PutCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { OperatorAction, PavilionAction } from '../../domain/audit.js';
import type { RefusedEvent } from '../../domain/operator-console.js';
import type { Order } from '../../domain/order.js';
import type { PavilionCode, PavilionSuspension } from '../../domain/pavilion.js';
import type { OperatorConsoleStore, OrderSummary, RefusedEventLog } from '../../ports/operator-console-store.js';
import { isOperatorActionItem, isRefusedEventItem, keyCondition, keys, queries, withoutKeys } from './keys.js';

/** Refused events are evidence for a while, not for ever: Stripe stops retrying after 3 days. */
const REFUSED_EVENT_DAYS = 90;

/** The operator console's reads, the pavilion suspensions and invitations' records, and the webhook's refusals. */
export class DynamoOperatorConsoleStore implements OperatorConsoleStore, RefusedEventLog {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async listAttentionOrders(limit: number): Promise<readonly Order[]> {
    const page = await this.doc.send(new QueryCommand({ TableName: this.tableName, ...keyCondition(queries.attentionOrders()), Limit: limit }));
    return (page.Items ?? []).map((item) => withoutKeys(item) as unknown as Order);
  }

  async listRefusedEvents(limit: number): Promise<readonly RefusedEvent[]> {
    const page = await this.doc.send(
      new QueryCommand({ TableName: this.tableName, ...keyCondition(queries.refusedEvents()), ScanIndexForward: false, Limit: limit }),
    );
    return (page.Items ?? []).map(toRefusedEvent);
  }

  async orderRecords(orderId: string) {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.doc.send(
        new QueryCommand({ TableName: this.tableName, ...keyCondition(queries.orderItems(orderId)), ExclusiveStartKey: start }),
      );
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    return {
      actions: items.filter(isOperatorActionItem).map((item) => withoutKeys(item) as unknown as OperatorAction),
      refusedEvents: items.filter(isRefusedEventItem).map(toRefusedEvent),
    };
  }

  async ordersOfShopper(shopperKey: string, limit: number): Promise<readonly OrderSummary[]> {
    const page = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        ...keyCondition(queries.shopperOrders(shopperKey)),
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (page.Items ?? []).map((item) => ({
      orderId: item.orderId as string, status: item.status as Order['status'], total: item.total as Order['total'], createdAt: item.createdAt as string,
    }));
  }

  async pavilionActions(code: PavilionCode): Promise<readonly PavilionAction[]> {
    const page = await this.doc.send(new QueryCommand({ TableName: this.tableName, ...keyCondition(queries.pavilionActions(code)) }));
    return (page.Items ?? []).map((item) => withoutKeys(item) as unknown as PavilionAction);
  }

  async setSuspension(code: PavilionCode, suspension: PavilionSuspension | null, audit: PavilionAction): Promise<boolean> {
    const change = suspension
      ? { UpdateExpression: 'SET suspension = :suspension', ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(suspension)', ExpressionAttributeValues: { ':suspension': suspension } }
      : { UpdateExpression: 'REMOVE suspension', ConditionExpression: 'attribute_exists(PK) AND attribute_exists(suspension)' };
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            { Update: { TableName: this.tableName, Key: keys.pavilion(code), ...change } },
            { Put: { TableName: this.tableName, Item: { ...keys.pavilionAction(code, audit.at, audit.actionId), type: 'pavilion_action', ...audit } } },
          ],
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof TransactionCanceledException && error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') return false;
      throw error;
    }
  }

  async recordPavilionAction(audit: PavilionAction): Promise<void> {
    await this.doc.send(new PutCommand({ TableName: this.tableName, Item: { ...keys.pavilionAction(audit.pavilion, audit.at, audit.actionId), type: 'pavilion_action', ...audit } }));
  }

  /** One record per event id: Stripe's retries of a refused event overwrite it rather than pile up. */
  async record(event: RefusedEvent): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...keys.refusedEvent(event.orderId, event.eventId),
          ...keys.refusedEventEntry(event.eventId, event.at),
          type: 'refused_event',
          ...event,
          ttl: Math.floor(Date.parse(event.at) / 1000) + REFUSED_EVENT_DAYS * 86_400,
        },
      }),
    );
  }
}

function toRefusedEvent(item: Record<string, unknown>): RefusedEvent {
  return withoutKeys(item) as unknown as RefusedEvent;
}
