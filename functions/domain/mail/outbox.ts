import type { Language } from '../languages.js';
import type { OrderLine, OrderStatus } from '../order.js';
import type { PavilionCode } from '../pavilion.js';
import type { Refund, RefundSettlementPlan } from '../refund.js';
import type { LineReturn } from '../returns.js';

/**
 * Mail as an outbox: every message is first a record in the table, written in the same transaction
 * as the change that causes it, and delivered afterwards (usecases/deliver-mail.ts). The record's id
 * comes from its cause (one order's confirmation, one line's shipment, one refund, one return), so a
 * webhook delivered twice cannot make a second record: the transaction that would write it is
 * refused by its event record or its conditions, and a record id can only be written once.
 *
 * What the record holds is the cause, never the message: it is rendered when sent (domain/mail/messages.ts)
 * from the order as it then stands. The one exception is the order confirmation's link, whose token
 * the table never keeps (only its hash): it is prepared at checkout as a held record carrying the
 * token, released by the payment, and the token leaves the table once the mail is sent.
 */
export const MAIL_KINDS = ['order_confirmed', 'line_shipped', 'refunded', 'return_accepted', 'pavilion_new_lines'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

/** held: prepared, waiting for its cause (a payment); ready: due to be sent; sending: claimed by a sender; sent; failed: given up. */
export const MAIL_STATUSES = ['held', 'ready', 'sending', 'sent', 'failed'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

/** A pavilion hears of new paid lines at most about once per this many minutes (one batch per window). */
export const PAVILION_BATCH_MINUTES = 5;
/** A claimed message nobody marked sent may be claimed again after this (the sender died or timed out). */
export const CLAIM_LEASE_MINUTES = 2;
/** A message the mail service refused for now is tried this many times, further apart each time. */
export const MAX_SEND_ATTEMPTS = 5;
/** A held confirmation of an order nobody paid is dropped by the table's TTL after this. */
export const HELD_MAIL_DAYS = 7;

export interface OutboxEntry {
  /** From the cause: `confirmed`, `shipped#002`, `refunded#RFD-…`, `return-accepted#002`, `new-lines`. */
  readonly mailId: string;
  readonly orderId: string;
  readonly kind: MailKind;
  readonly audience: 'shopper' | 'pavilion';
  /** The pavilions whose queues the order's lines joined (the pavilion mail's record only). */
  readonly pavilions?: readonly PavilionCode[];
  readonly lineNo?: number;
  readonly refundId?: string;
  /** When it may be sent: at once for shoppers, at the end of the batch window for pavilions. */
  readonly dueAt: string;
  readonly createdAt: string;
}

export interface OutboxRecord extends OutboxEntry {
  readonly status: MailStatus;
  readonly attempts?: number;
  /** The order page's token, on the held confirmation only, until it is sent. */
  readonly orderToken?: string;
  readonly claimId?: string;
  readonly claimedUntil?: string;
  readonly sentAt?: string;
  /** What went out (the address stays on the order or the pavilion contact, not here). */
  readonly subject?: string;
  readonly providerMessageId?: string;
  readonly failedAt?: string;
  readonly failureReason?: string;
}

const pad = (lineNo: number) => String(lineNo).padStart(3, '0');
const addMinutes = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();

/** Prepared at checkout, sent only once the payment makes the order `paid`. */
export function confirmationEntry(orderId: string, createdAt: string): OutboxEntry {
  return { mailId: 'confirmed', orderId, kind: 'order_confirmed', audience: 'shopper', dueAt: createdAt, createdAt };
}

/** Which statuses a payment may leave an order in that tell the shopper it is confirmed (not one needing an operator). */
export const confirmsOrder = (status: OrderStatus): boolean => status === 'paid';

/**
 * What a payment that puts lines in their pavilions' queues writes for the pavilions: one record for
 * the order (one item, whatever the number of pavilions: the payment's transaction is near DynamoDB's
 * 100 items for a large order), due at once. The sender moves the order into each pavilion's batch
 * (PavilionBatch), which goes out PAVILION_BATCH_MINUTES after its first order arrived.
 */
export function newLinesEntry(orderId: string, pavilions: readonly PavilionCode[], now: string): OutboxEntry {
  return { mailId: 'new-lines', orderId, kind: 'pavilion_new_lines', audience: 'pavilion', pavilions: [...new Set(pavilions)].sort(), dueAt: now, createdAt: now };
}

/** When a pavilion's batch that gets its first order at `now` goes out. */
export function batchDueAt(now: string): string {
  return addMinutes(now, PAVILION_BATCH_MINUTES);
}

/**
 * A pavilion's batch: the orders with new paid lines for it since its last mail. Orders join it (a
 * string set, so joining twice changes nothing); the mail that goes out takes exactly the orders it
 * named out of it, so an order joining while the mail is sent waits for the next one.
 */
export interface PavilionBatch {
  readonly pavilion: PavilionCode;
  readonly orderIds: readonly string[];
  readonly status: 'ready' | 'sending';
  readonly dueAt: string;
  readonly attempts?: number;
  readonly claimId?: string;
  readonly claimedUntil?: string;
}

/** A line leaves once (to_ship → shipped), so its shipment mail is one per line. */
export function shippedEntry(line: Pick<OrderLine, 'orderId' | 'lineNo'>, now: string): OutboxEntry {
  return { mailId: `shipped#${pad(line.lineNo)}`, orderId: line.orderId, kind: 'line_shipped', audience: 'shopper', lineNo: line.lineNo, dueAt: now, createdAt: now };
}

/** A refund succeeds at most once (domain/refund.ts decideRefund): the shopper hears of it then, never of a reversal's undo. */
export function refundEntry(refund: Pick<Refund, 'orderId' | 'refundId'>, plan: Pick<RefundSettlementPlan, 'refundStatus'>, now: string): OutboxEntry | null {
  if (plan.refundStatus !== 'succeeded') return null;
  return { mailId: `refunded#${refund.refundId}`, orderId: refund.orderId, kind: 'refunded', audience: 'shopper', refundId: refund.refundId, dueAt: now, createdAt: now };
}

/** A line has one return at most (domain/returns.ts), accepted at most once. */
export function returnStepEntry(orderId: string, lineNo: number, next: Pick<LineReturn, 'status'>, now: string): OutboxEntry | null {
  if (next.status !== 'accepted') return null;
  return { mailId: `return-accepted#${pad(lineNo)}`, orderId, kind: 'return_accepted', audience: 'shopper', lineNo, dueAt: now, createdAt: now };
}

/** When a message the service refused for now is tried again: 1, 2, 4, 8 minutes later. */
export function retryAt(now: string, attempts: number): string {
  return addMinutes(now, 2 ** Math.max(0, attempts - 1));
}

export function claimLeaseUntil(now: string): string {
  return addMinutes(now, CLAIM_LEASE_MINUTES);
}

/** Where a pavilion's order mail goes: kept apart from the public pavilion record (GET /api/pavilions shows that). */
export interface PavilionContact {
  readonly email: string;
  readonly language: Language;
}
