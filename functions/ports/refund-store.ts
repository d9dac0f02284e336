import type { LedgerRecord } from '../domain/settlement.js';
import type { OperatorAction } from '../domain/audit.js';
import type { Order } from '../domain/order.js';
import type { PavilionCode } from '../domain/pavilion.js';
import type { Refund, RefundRequestPlan, RefundSettlementPlan } from '../domain/refund.js';
import type { LineReturn } from '../domain/returns.js';

export interface RequestOptions {
  /** A manager's request: every line written must be this pavilion's (the store's condition too). */
  readonly pavilion?: PavilionCode;
  /** An operator's request: its audit record joins the transaction. */
  readonly audit?: OperatorAction;
}

export interface SettleOptions {
  readonly now: string;
  /** The provider's event (and, when one event reports several refunds, which one): recorded in the same transaction. */
  readonly eventId?: string;
  readonly providerRefundId?: string;
  readonly failureReason?: string;
  /** What the refund's success (or its reversal) appends to the settlement ledger (domain/settlement.ts refundRecords), in the same transaction. */
  readonly ledger?: readonly LedgerRecord[];
}

export interface FailedRefundsPage {
  readonly items: readonly Refund[];
  readonly nextCursor: string | null;
}

/**
 * Refunds and returns, written as the domain planned them (domain/refund.ts, domain/returns.ts), each
 * in one transaction conditioned on the order and its lines as they were read: a race means the
 * caller reads again and decides again (OrderChangedError, ports/order-store.ts). The records are
 * read with their order (OrderStore.get).
 */
export interface RefundStore {
  /**
   * Writes a refund request: the refund record (`requested`, on the unsent list), the order's
   * committed refunds (never past its total) and status, each covered line's refund state and
   * fulfilment (and return), the failed refund it replaces (off the failed list), and an operator's
   * audit record.
   */
  request(order: Order, plan: RefundRequestPlan, options?: RequestOptions): Promise<void>;
  /** The provider took the request: its refund id is kept and the refund leaves the unsent list (if still requested). */
  markSent(orderId: string, refundId: string, providerRefundId: string, at: string): Promise<void>;
  /**
   * Carries out a settlement with the event's dedup record: the refund's status (a failed one joins
   * the failed list), the order's refunded total and status, the lines' refund (and return) state,
   * and, when it succeeds, the units and the buyer's allowance. Throws EventAlreadyProcessedError or
   * OrderChangedError.
   */
  settle(order: Order, refund: Refund, plan: RefundSettlementPlan, options: SettleOptions): Promise<void>;
  /** A line's return as it becomes, conditioned on it as read (and on the pavilion for a manager's step). */
  writeReturn(orderId: string, lineNo: number, next: LineReturn, expect: { readonly was: LineReturn | undefined; readonly pavilion?: PavilionCode }): Promise<void>;
  /** Failed refunds no later one replaced, most recent first: what operators must resolve. */
  listFailed(limit: number, cursor?: string): Promise<FailedRefundsPage>;
  /** Refunds requested before `before` that the provider never took (it could not be reached): sent again by the sweep. */
  listUnsent(before: string, limit: number): Promise<readonly Refund[]>;
}
