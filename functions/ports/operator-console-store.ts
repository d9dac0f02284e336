import type { OperatorAction, PavilionAction } from '../domain/audit.js';
import type { RefusedEvent } from '../domain/operator-console.js';
import type { Order } from '../domain/order.js';
import type { PavilionCode, PavilionSuspension } from '../domain/pavilion.js';

/** A shopper's order as a search lists it: enough to pick one, nothing personal. */
export type OrderSummary = Pick<Order, 'orderId' | 'status' | 'total' | 'createdAt'>;

/**
 * What the operator console reads beyond an order itself, and the pavilion changes it writes: every
 * read is a Query on a key or a sparse index entry (adapters/dynamodb/keys.ts), never a Scan.
 */
export interface OperatorConsoleStore {
  /** Orders in paid_needs_attention (the sparse entry the paying transaction sets), oldest paid first. */
  listAttentionOrders(limit: number): Promise<readonly Order[]>;
  /** Payment events refused for a mismatch, newest first. */
  listRefusedEvents(limit: number): Promise<readonly RefusedEvent[]>;
  /** An order's refused events and its operators' actions (its partition). */
  orderRecords(orderId: string): Promise<{ readonly actions: readonly OperatorAction[]; readonly refusedEvents: readonly RefusedEvent[] }>;
  /** A shopper's orders by the keyed hash of their email (ports/shopper-keys.ts), newest first. */
  ordersOfShopper(shopperKey: string, limit: number): Promise<readonly OrderSummary[]>;
  /** A pavilion's operator actions, oldest first. */
  pavilionActions(code: PavilionCode): Promise<readonly PavilionAction[]>;
  /**
   * Suspends (a suspension) or reinstates (null) a pavilion, with the action's audit record, in one
   * transaction. Answers false when the pavilion does not exist or already stands so.
   */
  setSuspension(code: PavilionCode, suspension: PavilionSuspension | null, audit: PavilionAction): Promise<boolean>;
  /** Records an action that has no table change of its own (an invitation: the change is at the identity provider). */
  recordPavilionAction(audit: PavilionAction): Promise<void>;
}

/** Where the webhook records an event it refused (usecases/settle-payment.ts), for operators. */
export interface RefusedEventLog {
  record(event: RefusedEvent): Promise<void>;
}
