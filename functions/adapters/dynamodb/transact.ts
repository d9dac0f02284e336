import type { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from './keys.js';

/** One item of a TransactWriteItems request, as the document client takes it. */
export type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

/** Processed-event records outlive Stripe's retry window (3 days) comfortably. */
const EVENT_RECORD_DAYS = 30;

/**
 * The record that a provider's event took effect, put in the same transaction as its effect: its
 * condition fails the whole transaction when the event was applied before, so each event counts once.
 */
export function eventRecordPut(
  tableName: string,
  event: { readonly eventId: string; readonly orderId: string; readonly outcome: string; readonly now: string; readonly refundId?: string },
): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...keys.stripeEvent(event.eventId),
        type: 'stripe_event',
        eventId: event.eventId,
        orderId: event.orderId,
        ...(event.refundId ? { refundId: event.refundId } : {}),
        outcome: event.outcome,
        processedAt: event.now,
        ttl: Math.floor(Date.parse(event.now) / 1000) + EVENT_RECORD_DAYS * 86_400,
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
}
