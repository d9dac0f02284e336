import type { Money } from '../domain/money.js';
import type { UnavailableReason } from '../domain/pricing.js';
import type { Order, OrderDecision, OrderLine, OrderStatus } from '../domain/order.js';
import type { Refund } from '../domain/refund.js';
import type { LedgerRecord } from '../domain/settlement.js';

/** Why a reservation was refused, line by line, so the shopper can fix exactly those lines. */
export interface RefusedLine {
  readonly productId: string;
  readonly requested: number;
  readonly available: number;
  /** short: not enough stock; unavailable: not sold (archived, gone, or not importable); stale: the price changed since it was read. */
  readonly reason: 'short' | 'unavailable' | 'stale';
  /** With `unavailable`, why, when the product still exists. */
  readonly unavailableReason?: UnavailableReason;
}

export class ReservationRefusedError extends Error {
  constructor(readonly lines: readonly RefusedLine[]) {
    super(`Could not reserve ${lines.length} line(s)`);
    this.name = 'ReservationRefusedError';
  }
}

/** Another checkout of the same cart placed its order first (the cart no longer points where this one read it). */
export class CartCheckoutRaceError extends Error {
  constructor() {
    super('Another checkout of this cart placed its order first');
    this.name = 'CartCheckoutRaceError';
  }
}

/** The buyer's yearly count moved since it was read: with this order it would pass China's yearly limit. */
export class YearlyAllowanceExceededError extends Error {
  constructor(readonly counted: Money) {
    super('The order would pass the buyer’s yearly cross-border limit');
    this.name = 'YearlyAllowanceExceededError';
  }
}

/**
 * The shopper (by email or by buyer ID number) already has MAX_UNPAID_ORDERS_PER_SHOPPER unpaid
 * orders (domain/order.ts); `earliestExpiry` is when the first of them lapses.
 */
export class UnpaidLimitReachedError extends Error {
  constructor(readonly earliestExpiry: string) {
    super('The shopper has too many unpaid orders');
    this.name = 'UnpaidLimitReachedError';
  }
}

/** The event id was seen before: its effect has already happened. */
export class EventAlreadyProcessedError extends Error {
  constructor() {
    super('This payment event was already processed');
    this.name = 'EventAlreadyProcessedError';
  }
}

/** The order moved on between reading it and writing the decision: read again and decide again. */
export class OrderChangedError extends Error {
  constructor() {
    super('The order changed concurrently');
    this.name = 'OrderChangedError';
  }
}

export interface StoredOrder {
  readonly order: Order;
  readonly lines: readonly OrderLine[];
  /** Every refund asked for, oldest first (ports/refund-store.ts writes them). */
  readonly refunds: readonly Refund[];
}

export interface ApplyOptions {
  readonly now: string;
  /** The provider's event id: recorded in the same transaction so the event takes effect once. */
  readonly eventId?: string;
  /** The provider's payment id (the payment slip customs matches), recorded when the order is paid. */
  readonly paymentId?: string;
  readonly note?: string;
  /**
   * What the payment appends to the settlement ledger (domain/settlement.ts paymentRecords) and the
   * commission rates it was taken at: written only when the order becomes paid (or paid and waiting
   * for an operator), in the same transaction.
   */
  readonly ledger?: { readonly records: readonly LedgerRecord[]; readonly commissionBp: Readonly<Record<string, number>> };
}

export interface PlaceOrderOptions {
  /** The catalogue version each product's price was read from: a newer one refuses the line as stale. */
  readonly productVersions: ReadonlyMap<string, number>;
  /** The keyed hash of the shopper's email (ports/shopper-keys.ts): the order is filed under it for operators' searches. */
  readonly shopperKey?: string;
  /** The cart's pending order as read (undefined: none), so two checkouts of one cart cannot both place one. */
  readonly cartPendingOrderId?: string;
  /** The order page's token: the confirmation mail is prepared with it (held until paid), the only place it is kept. */
  readonly confirmationToken?: string;
}

export interface OrderStore {
  /**
   * Reserves every line's units (stock -> reserved, only if enough stock and the product version
   * the price came from is current) and writes the pending order and its lines, all or nothing.
   * With the order's cart, it also points the cart at the new order, only if the cart still points
   * at `cartPendingOrderId` (undefined: at none), so two checkouts of one cart cannot both place one.
   * In the same transaction the order's dutiable value joins its buyer's yearly count, only while the
   * sum stays within China's yearly limit (domain/cross-border.ts). Throws ReservationRefusedError naming the lines that could not
   * be reserved, CartCheckoutRaceError, or YearlyAllowanceExceededError. An order carrying
   * `unpaidHolds` also takes a hold under its email key and its buyer key, each only while fewer than
   * MAX_UNPAID_ORDERS_PER_SHOPPER unlapsed holds are there (else UnpaidLimitReachedError); every
   * change that ends pending_payment frees them in its own transaction.
   */
  placeOrder(order: Order, lines: readonly OrderLine[], options: PlaceOrderOptions): Promise<void>;
  /** What the buyer's paid and unpaid orders count in a calendar year (CNY), read consistently. */
  countedInYear(buyerKey: string, year: number): Promise<Money>;
  /** Records the session of a pending order that has none yet; throws OrderChangedError when the order was closed meanwhile. */
  attachPaymentSession(orderId: string, sessionId: string): Promise<void>;
  get(orderId: string): Promise<StoredOrder | null>;
  /**
   * Carries out a decision on an order as read (its status and payment session), together with the
   * event's dedup record. A release gives the order's count back to its buyer's year; a resell takes
   * it again (within the yearly limit) or leaves the order paid_needs_attention. Returns the
   * order's new status. Throws EventAlreadyProcessedError or OrderChangedError.
   */
  apply(order: Order, decision: Exclude<OrderDecision, { kind: 'none' }>, options: ApplyOptions): Promise<OrderStatus>;
  /** Pending orders whose reservation lapsed before `now`, oldest first (a Query on the pending index). */
  listLapsed(now: string, limit: number): Promise<readonly Order[]>;
  /** Moves a pending order's expiry (a payment still processing at the provider). */
  postponeExpiry(orderId: string, expiresAt: string): Promise<void>;
}
