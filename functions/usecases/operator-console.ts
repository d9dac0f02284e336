import { SESSION_GRACE_MINUTES } from '../domain/order.js';
import {
  attentionOfOrder,
  attentionOfRefund,
  attentionOfRefusedEvent,
  attentionOfStuckPayment,
  byNewest,
  orderHistory,
  type AttentionItem,
  type HistoryEntry,
  type OrderMail,
} from '../domain/operator-console.js';
import type { Clock } from '../ports/clock.js';
import type { OperatorConsoleStore, OrderSummary } from '../ports/operator-console-store.js';
import type { OrderStore, StoredOrder } from '../ports/order-store.js';
import type { RefundStore } from '../ports/refund-store.js';
import type { ShopperKeys } from '../ports/shopper-keys.js';

export interface OperatorConsoleDeps {
  readonly orders: OrderStore;
  readonly refunds: RefundStore;
  readonly operatorConsole: OperatorConsoleStore;
  readonly shopperKeys?: ShopperKeys;
  /** An order's mails, where the mail outbox can tell; without it the history has none. */
  readonly orderMails?: (orderId: string) => Promise<readonly OrderMail[]>;
  readonly clock?: Clock;
}

/** How many of each kind the list shows: the oldest problems first within each kind would hide new ones, so newest first overall. */
const PER_KIND = 50;

/**
 * Everything waiting for an operator: paid orders that need attention, refunds that failed,
 * payments still pending after their session ended (the sweep has not released them), and payment
 * events refused for a mismatch. Four Queries on sparse index entries; each item names what to do.
 */
export async function needsAttention(deps: OperatorConsoleDeps): Promise<readonly AttentionItem[]> {
  const now = (deps.clock?.now() ?? new Date()).getTime();
  // A session lives one minute past the reservation (domain/order.ts): only then is a payment stuck.
  const sessionEnded = new Date(now - SESSION_GRACE_MINUTES * 60_000).toISOString();
  const [attention, failed, stuck, refused] = await Promise.all([
    deps.operatorConsole.listAttentionOrders(PER_KIND),
    deps.refunds.listFailed(PER_KIND),
    deps.orders.listLapsed(sessionEnded, PER_KIND),
    deps.operatorConsole.listRefusedEvents(PER_KIND),
  ]);
  return byNewest([
    // The entry stays until the order is refunded or cancelled: its current status decides.
    ...attention.filter((order) => order.status === 'paid_needs_attention').map(attentionOfOrder),
    ...failed.items.map(attentionOfRefund),
    ...stuck.filter((order) => order.status === 'pending_payment').map(attentionOfStuckPayment),
    ...refused.map(attentionOfRefusedEvent),
  ]);
}

export type OrderFile = StoredOrder & { readonly history: readonly HistoryEntry[]; readonly mailsKnown: boolean };

/** An order with its whole history, or null when there is none. */
export async function orderFile(deps: OperatorConsoleDeps, orderId: string): Promise<OrderFile | null> {
  const [stored, records, mails] = await Promise.all([
    deps.orders.get(orderId),
    deps.operatorConsole.orderRecords(orderId),
    deps.orderMails ? deps.orderMails(orderId) : Promise.resolve(undefined),
  ]);
  if (!stored) return null;
  const history = orderHistory({ ...stored, ...records, ...(mails ? { mails } : {}) });
  return { ...stored, history, mailsKnown: mails !== undefined };
}

export class ShopperSearchUnavailableError extends Error {
  constructor() {
    super('Finding orders by email is not configured (SHOPPER_LOOKUP_SECRET_ARN, or IDENTITY_KEY_FILE locally)');
    this.name = 'ShopperSearchUnavailableError';
  }
}

/** A shopper's orders, newest first, found under the keyed hash of their email (never the address itself). */
export async function ordersByEmail(deps: OperatorConsoleDeps, email: string, limit = 50): Promise<readonly OrderSummary[]> {
  if (!deps.shopperKeys) throw new ShopperSearchUnavailableError();
  return deps.operatorConsole.ordersOfShopper(await deps.shopperKeys.emailKey(email), limit);
}
