import type { OperatorAction } from './audit.js';
import type { OutboxRecord } from './mail/outbox.js';
import type { Money } from './money.js';
import type { AttentionReason, Order, OrderLine } from './order.js';
import type { Refund } from './refund.js';

/**
 * What the operator console shows: the things waiting for an operator, each with what to do, and
 * an order's whole history as one timeline. Pure: the use cases (usecases/operator-console.ts)
 * read the records, these functions say what they mean.
 */

/** A payment event the webhook refused because it did not match its order (usecases/settle-payment.ts). */
export interface RefusedEvent {
  readonly eventId: string;
  readonly eventType: string;
  readonly orderId: string;
  /** Which part did not match: the session, the currency or the amount. */
  readonly mismatch: string;
  readonly at: string;
  /** What the event said it paid (amounts are not personal data). */
  readonly received?: Money;
}

/** What an operator does about an item: a code, which the console says in zh, ru and en. */
export const ATTENTION_ACTIONS = [
  'restock_or_refund', // paid, but the stock went meanwhile
  'refund_order', // paid after the buyer's yearly allowance was used up: it cannot be declared
  'retry_refund', // the provider refused a refund: try it again from the order
  'check_payment_at_provider', // pending past its session: look the session up at Stripe, the sweep releases it
  'compare_event_with_order', // a payment event did not match: compare at Stripe, refund it there if it is not this order's
] as const;
export type AttentionAction = (typeof ATTENTION_ACTIONS)[number];

export type AttentionItem =
  | { readonly kind: 'order_needs_attention'; readonly orderId: string; readonly since: string; readonly reason?: AttentionReason; readonly action: AttentionAction }
  | { readonly kind: 'refund_failed'; readonly orderId: string; readonly refundId: string; readonly since: string; readonly amount: Money; readonly lineNos: readonly number[]; readonly failureReason?: string; readonly action: AttentionAction }
  | { readonly kind: 'payment_stuck'; readonly orderId: string; readonly since: string; readonly total: Money; readonly action: AttentionAction }
  | { readonly kind: 'webhook_refused'; readonly orderId: string; readonly eventId: string; readonly eventType: string; readonly mismatch: string; readonly since: string; readonly action: AttentionAction };

export const attentionOfOrder = (order: Pick<Order, 'orderId' | 'paidAt' | 'createdAt' | 'attention'>): AttentionItem => ({
  kind: 'order_needs_attention',
  orderId: order.orderId,
  since: order.paidAt ?? order.createdAt,
  ...(order.attention ? { reason: order.attention } : {}),
  action: order.attention === 'allowance_gone' ? 'refund_order' : 'restock_or_refund',
});

export const attentionOfRefund = (refund: Refund): AttentionItem => ({
  kind: 'refund_failed',
  orderId: refund.orderId,
  refundId: refund.refundId,
  since: refund.failedAt ?? refund.requestedAt,
  amount: refund.amount,
  lineNos: refund.lines.map((line) => line.lineNo),
  ...(refund.failureReason ? { failureReason: refund.failureReason } : {}),
  action: 'retry_refund',
});

export const attentionOfStuckPayment = (order: Pick<Order, 'orderId' | 'expiresAt' | 'total'>): AttentionItem => ({
  kind: 'payment_stuck', orderId: order.orderId, since: order.expiresAt, total: order.total, action: 'check_payment_at_provider',
});

export const attentionOfRefusedEvent = (event: RefusedEvent): AttentionItem => ({
  kind: 'webhook_refused', orderId: event.orderId, eventId: event.eventId, eventType: event.eventType, mismatch: event.mismatch, since: event.at, action: 'compare_event_with_order',
});

/** Newest first: what happened last is what an operator looks at first. */
export function byNewest(items: readonly AttentionItem[]): AttentionItem[] {
  return [...items].sort((a, b) => b.since.localeCompare(a.since));
}

/** One thing that happened to an order, in the order's history. */
export interface HistoryEntry {
  readonly at: string;
  readonly kind:
    | 'placed' | 'paid' | 'needs_attention' | 'closed' | 'cancelled'
    | 'shipped' | 'return_requested' | 'return_decided' | 'return_received'
    | 'refund_requested' | 'refund_succeeded' | 'refund_failed'
    | 'operator_action' | 'webhook_refused' | 'mail_sent';
  /** Who did it: shopper, pavilion (code), operator (subject), provider (Stripe), system (the sweep, the store). */
  readonly by?: string;
  readonly lineNo?: number;
  /** A short, non-personal account: a status, a carrier and tracking number, a refund id and reason, a mail's subject. */
  readonly detail?: string;
}

/** A mail sent about the order, when the outbox can tell (its subject, never its address). */
export interface OrderMail {
  readonly at: string;
  readonly subject: string;
}

/**
 * An order's whole history from its records: status times on the order, shipments and returns on
 * its lines, its refunds, operators' actions, refused payment events and mails. Oldest first; on
 * equal times the order of the records is kept.
 */
export function orderHistory(input: {
  readonly order: Order;
  readonly lines: readonly OrderLine[];
  readonly refunds: readonly Refund[];
  readonly actions: readonly OperatorAction[];
  readonly refusedEvents: readonly RefusedEvent[];
  readonly mails?: readonly OrderMail[];
}): HistoryEntry[] {
  const { order } = input;
  const entries: HistoryEntry[] = [{ at: order.createdAt, kind: 'placed', by: 'shopper', detail: `${order.total.amount} ${order.total.currency}` }];
  if (order.paidAt) entries.push({ at: order.paidAt, kind: order.status === 'paid_needs_attention' ? 'needs_attention' : 'paid', by: 'provider', ...(order.attention ? { detail: order.attention } : {}) });
  if (order.closedAt && !order.cancelledAt) entries.push({ at: order.closedAt, kind: 'closed', by: 'system', detail: order.status });
  if (order.cancelledAt) entries.push({ at: order.cancelledAt, kind: 'cancelled' });
  for (const line of input.lines) {
    if (line.shippedAt) entries.push({ at: line.shippedAt, kind: 'shipped', by: line.pavilion, lineNo: line.lineNo, detail: [line.carrier, line.trackingNumber].filter(Boolean).join(' ') });
    const back = line.returnRequest;
    if (back) {
      entries.push({ at: back.requestedAt, kind: 'return_requested', by: 'shopper', lineNo: line.lineNo });
      if (back.decidedAt) entries.push({ at: back.decidedAt, kind: 'return_decided', by: line.pavilion, lineNo: line.lineNo, detail: back.status });
      if (back.receivedAt) entries.push({ at: back.receivedAt, kind: 'return_received', by: line.pavilion, lineNo: line.lineNo, ...(back.condition ? { detail: back.condition } : {}) });
    }
  }
  for (const refund of input.refunds) {
    const by = refund.requestedBy.role === 'shopper' ? 'shopper' : refund.requestedBy.role === 'pavilion' ? refund.requestedBy.pavilion : refund.requestedBy.subject;
    const lineNo = refund.lines.length === 1 ? refund.lines[0]!.lineNo : undefined;
    const what = `${refund.refundId} ${refund.amount.amount} ${refund.amount.currency} (${refund.reason})`;
    entries.push({ at: refund.requestedAt, kind: 'refund_requested', by, ...(lineNo ? { lineNo } : {}), detail: what });
    if (refund.succeededAt) entries.push({ at: refund.succeededAt, kind: 'refund_succeeded', by: 'provider', ...(lineNo ? { lineNo } : {}), detail: refund.refundId });
    if (refund.failedAt) entries.push({ at: refund.failedAt, kind: 'refund_failed', by: 'provider', ...(lineNo ? { lineNo } : {}), detail: `${refund.refundId}${refund.failureReason ? ` ${refund.failureReason}` : ''}` });
  }
  for (const action of input.actions) {
    entries.push({ at: action.at, kind: 'operator_action', by: action.operator, ...(action.lineNo ? { lineNo: action.lineNo } : {}), detail: `${action.action} ${action.refundId}: ${action.reason}` });
  }
  for (const event of input.refusedEvents) {
    entries.push({ at: event.at, kind: 'webhook_refused', by: 'provider', detail: `${event.eventType} ${event.eventId}: ${event.mismatch}` });
  }
  for (const mail of input.mails ?? []) entries.push({ at: mail.at, kind: 'mail_sent', detail: mail.subject });
  return entries.map((entry, index) => ({ entry, index })).sort((a, b) => a.entry.at.localeCompare(b.entry.at) || a.index - b.index).map(({ entry }) => entry);
}

/** The one form of an email the lookup key is made from: trimmed and lower-cased (mail providers treat case alike). */
export function normalEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** An order's outbox records as history: what went out (its subject, never its address) and what was given up. */
export function mailsOfOrder(records: readonly Pick<OutboxRecord, 'kind' | 'audience' | 'status' | 'sentAt' | 'subject' | 'failedAt' | 'failureReason'>[]): OrderMail[] {
  return records.flatMap((record): OrderMail[] => {
    if (record.status === 'sent' && record.sentAt) return [{ at: record.sentAt, subject: `${record.audience}: ${record.subject ?? record.kind}` }];
    if (record.status === 'failed' && record.failedAt) return [{ at: record.failedAt, subject: `${record.audience}: ${record.kind} not sent (${record.failureReason ?? 'failed'})` }];
    return [];
  });
}
