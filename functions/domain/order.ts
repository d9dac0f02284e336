import type { FulfilmentMode } from './catalogue.js';
import type { Localized } from './languages.js';
import type { CurrencyCode, ExchangeRate, Money } from './money.js';
import type { PavilionCode } from './pavilion.js';
import type { Recipient } from './recipient.js';
import type { LineRefund } from './refund.js';
import type { LineReturn } from './returns.js';

/**
 * Orders and their state machine. An Order and its OrderLines are a data contract shared with the
 * pavilion workspace: it reads the lines of paid orders, its pavilion's only, and writes the
 * shipment fields.
 */
export const ORDER_STATUSES = [
  'pending_payment', 'paid', 'expired', 'payment_failed', 'paid_needs_attention',
  // After the sale (domain/refund.ts): cancelled before anything shipped; some lines refunded; every line refunded.
  'cancelled', 'partially_refunded', 'refunded',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/**
 * Where a line stands for its pavilion: nothing to do, ready to ship, gone out the door, or not to
 * be shipped any more (refunded or cancelled before it left: domain/refund.ts).
 */
export const LINE_FULFILMENTS = ['awaiting_payment', 'to_ship', 'shipped', 'cancelled'] as const;
export type LineFulfilment = (typeof LINE_FULFILMENTS)[number];

/** Order ids are short enough to read out to support ("ORD-…") and never guessable alone: the token guards them. */
export const ORDER_ID = /^ORD-[0-9A-HJKMNP-TV-Z]{16}$/;

/** The shopper's key to an order's page: 256 random bits in base64url (usecases/ids.ts). */
export const ORDER_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * A reservation holds stock exactly as long as its Stripe session could be paid, and no longer:
 * 30 minutes is the shortest life Stripe gives a Checkout Session (`expires_at` must lie at least
 * 30 minutes after the session is made), so no shorter hold is possible. The session is made a
 * moment after the reservation, so it is asked to end one minute later (SESSION_GRACE_MINUTES)
 * for Stripe to accept it; the sweep (usecases/sweep-expired-orders.ts) expires the session at
 * Stripe before it puts the units back, so from the release on the order can no longer be paid.
 */
export const RESERVATION_MINUTES = 30;
export const SESSION_GRACE_MINUTES = 1;

/**
 * At most this many unpaid (pending_payment) orders at once per shopper email and per buyer ID
 * number. Each holds stock for RESERVATION_MINUTES: without a cap a short script could keep every
 * product "sold out" by checking out again and again. Three leaves room for a real shopper (a
 * second tab, a changed mind, a card declined) and keeps what one shopper can hold small.
 */
export const MAX_UNPAID_ORDERS_PER_SHOPPER = 3;

/**
 * Checkout reserves every line in one TransactWriteItems (limit 100 items): 2 per line (the stock
 * and the line) + the order, its cart, its buyer's yearly count, its two unpaid holds and its held
 * confirmation mail; a payment writes at most 2 per line + the event, the order, the cart, a ledger
 * record per pavilion (13 at most), two mail records (domain/mail/outbox.ts) and either the two
 * unpaid holds it frees (paid in time) or the count (paid late, when no hold is left): 100 for 40 lines.
 */
export const MAX_ORDER_LINES = 40;

export interface OrderLine {
  readonly orderId: string;
  /** 1-based position in the order. */
  readonly lineNo: number;
  readonly productId: string;
  readonly pavilion: PavilionCode;
  readonly sku: string;
  readonly title: Localized;
  /** Cover image (site-relative), so the order page and the pavilion queue need no catalogue read. */
  readonly image?: string;
  readonly quantity: number;
  /** The catalogue price when the order was placed, in the pavilion's currency (settlement uses it). */
  readonly unitPrice: Money;
  /** What the shopper paid per unit, in the order's currency (unitPrice converted at the order's rate). */
  readonly chargedUnitPrice: Money;
  /** China's tariff code the line is declared under, and the statutory rates its tax came from. */
  readonly hsCode: string;
  readonly vatBp: number;
  readonly consumptionTaxBp: number;
  readonly weightGrams: number;
  readonly fulfilmentMode: FulfilmentMode;
  /** The customs figures of the line, in CNY (domain/cross-border-quote.ts): goods, freight share, dutiable value, tax. */
  readonly unitPriceCny: Money;
  readonly goodsCny: Money;
  readonly freightCny: Money;
  readonly dutiableCny: Money;
  readonly taxCny: Money;
  /** Where the pavilion sends the line: the recipient, and the buyer as the parcel's label and customs name them. */
  readonly shipTo: ShipTo;
  readonly fulfilment: LineFulfilment;
  /** Set when the order is paid; the pavilion queue sorts on it. */
  readonly paidAt?: string;
  readonly carrier?: string;
  readonly trackingNumber?: string;
  readonly shippedAt?: string;
  /** The line's current refund (the latest asked for; a failed one stays until another replaces it). Its record: domain/refund.ts Refund. */
  readonly refund?: LineRefund;
  /** The shopper's return of the line, once asked for (domain/returns.ts). */
  readonly returnRequest?: LineReturn;
}

/** What a pavilion needs to ship a line: never the buyer's full ID number. */
export interface ShipTo {
  readonly recipient: Recipient;
  readonly buyerName: string;
  readonly buyerIdMasked: string;
}

/** The buyer (订购人) as the order keeps them: the ID number sealed (AES-256-GCM) and masked, never plain. */
export interface OrderBuyer {
  readonly name: string;
  readonly phone: string;
  readonly idNumberMasked: string;
  /** Opened only for the customs document (ports/identity-vault.ts). */
  readonly idNumberSealed: string;
}

/** Where the order counts toward its buyer's yearly allowance, so a release gives back exactly that. */
export interface AllowanceClaim {
  /** A keyed hash of the buyer's ID number, never the number. */
  readonly buyerKey: string;
  /** The calendar year in China the order counts in. */
  readonly year: number;
  /** The order's dutiable value in CNY (goods plus freight). */
  readonly counted: Money;
}

/** One line as summarised on the order item itself (enough to release or sell stock without reading lines). */
export interface OrderLineSummary {
  readonly lineNo: number;
  readonly productId: string;
  readonly pavilion: PavilionCode;
  readonly quantity: number;
}

export interface Order {
  readonly orderId: string;
  readonly status: OrderStatus;
  /** The one currency the shopper is charged in (Stripe Checkout takes one currency per session). */
  readonly currency: CurrencyCode;
  /** total = goods + freight + tax, all in the order's currency (freight and tax are line items of their own at the provider). */
  readonly total: Money;
  readonly goods: Money;
  readonly freight: Money;
  readonly tax: Money;
  /** The customs figures in CNY: what China's limits count (dutiableValue = goods + freight) and the tax withheld. */
  readonly customs: { readonly goods: Money; readonly freight: Money; readonly tax: Money; readonly dutiableValue: Money };
  readonly recipient: Recipient;
  readonly buyer: OrderBuyer;
  /** The consumer notice the buyer accepted: its version and when (domain/consumer-notice.ts). */
  readonly notice: { readonly version: string; readonly acceptedAt: string };
  readonly allowance: AllowanceClaim;
  /** What the lines cost in each pavilion's own currency, before conversion. */
  readonly subtotals: readonly Money[];
  readonly lines: readonly OrderLineSummary[];
  /** The rate snapshot used for every converted line (empty when nothing needed converting). */
  readonly rates: readonly ExchangeRate[];
  readonly language: 'zh' | 'ru' | 'en';
  /** Needed for the receipt; never logged. */
  readonly email: string;
  /** SHA-256 (hex) of the secret the shopper got in the success URL; the token itself is never stored. */
  readonly tokenHash: string;
  /** The cart the order came from, emptied once it is paid. */
  readonly cartId?: string;
  readonly paymentSessionId?: string;
  /** The provider's payment (Stripe PaymentIntent id), recorded when paid: the payment slip customs matches. */
  readonly paymentId?: string;
  readonly createdAt: string;
  /** When the reservation lapses if nobody pays. */
  readonly expiresAt: string;
  /**
   * The keyed hashes this unpaid order counts against MAX_UNPAID_ORDERS_PER_SHOPPER under (the
   * shopper's email and the buyer's ID number); the order's hold under each is freed when it stops
   * being pending. Absent on orders placed before the limit.
   */
  readonly unpaidHolds?: { readonly emailKey: string; readonly buyerKey: string };
  readonly paidAt?: string;
  /** When the order left pending_payment without a sale (expired, failed). */
  readonly closedAt?: string;
  /** Why an order is paid_needs_attention or closed early, for the operators (no personal data). */
  readonly note?: string;
  /** Set with paid_needs_attention: what the operator must resolve. */
  readonly attention?: AttentionReason;
  /** When it was cancelled: by the shopper (unpaid, or paid and nothing shipped), or by an operator refunding all of it before it shipped. */
  readonly cancelledAt?: string;
  /** What refunds the provider confirmed add up to, in the order's currency. */
  readonly refunded?: Money;
  /** What refunds asked for and not failed (requested or succeeded) add up to: the store never lets it pass the total. */
  readonly refundsCommitted?: Money;
  /** Each pavilion's commission rate (basis points) when the order was paid: its refunds give commission back at the same rate (domain/settlement.ts). */
  readonly commissionBp?: Readonly<Record<PavilionCode, number>>;
}

/** What a payment event says happened, stripped of the provider's vocabulary. */
export type PaymentOutcome = 'paid' | 'failed' | 'expired' | 'awaiting_async_payment';

/**
 * What to do with an order when a payment outcome arrives. Pure: stores carry it out
 * in one transaction together with the event's dedup record, conditioned on the status read.
 *
 * - sell:        reserved -> sold, lines to_ship (the normal path).
 * - release:     reserved -> stock, order closed as expired or payment_failed (or cancelled, when the
 *                shopper cancels an unpaid order: usecases/cancel-order.ts).
 * - resell:      paid after we already released the stock (late or reordered event): the store tries
 *                LATE_PAYMENT_PLANS in order, the first whose conditions hold.
 * - none:        nothing changes (duplicates, expiry after payment, anything after a final state).
 */
export type OrderDecision =
  | { readonly kind: 'sell' }
  | { readonly kind: 'release'; readonly status: 'expired' | 'payment_failed' | 'cancelled' }
  | { readonly kind: 'resell' }
  | { readonly kind: 'none'; readonly reason: string };

export function decide(order: Pick<Order, 'status'>, outcome: PaymentOutcome): OrderDecision {
  switch (order.status) {
    case 'pending_payment':
      if (outcome === 'paid') return { kind: 'sell' };
      if (outcome === 'expired') return { kind: 'release', status: 'expired' };
      if (outcome === 'failed') return { kind: 'release', status: 'payment_failed' };
      return { kind: 'none', reason: 'payment still processing' };
    case 'expired':
    case 'payment_failed':
      if (outcome === 'paid') return { kind: 'resell' };
      return { kind: 'none', reason: `order already ${order.status}` };
    case 'paid':
    case 'paid_needs_attention':
    case 'partially_refunded':
    case 'refunded':
      return { kind: 'none', reason: `order already ${order.status}` };
    case 'cancelled':
      // Cancelling an unpaid order closes its session first, so a payment cannot follow; if one ever
      // does (a provider's mistake), the order stays cancelled and the settlement reports it for a refund.
      return { kind: 'none', reason: outcome === 'paid' ? 'paid after the shopper cancelled: refund the payment' : 'order already cancelled' };
  }
}

/** Why a paid order waits for an operator instead of shipping. */
export type AttentionReason = 'stock_gone' | 'allowance_gone';

/**
 * How a payment that arrives after its reservation was released is taken, best first. Each plan is
 * one transaction whose conditions (stock still there, the buyer's year still has room) either all
 * hold or change nothing, so the store tries them in order:
 * - the units are still there and the year has room: sold, as if paid in time;
 * - the units are gone but the year has room: counted, waiting for an operator to restock (then it
 *   ships and is declared) or refund;
 * - the year is full: not counted and never declared (it would exceed China's yearly limit): refund.
 */
export interface LatePaymentPlan {
  readonly status: 'paid' | 'paid_needs_attention';
  readonly takeStock: boolean;
  readonly countTowardYear: boolean;
  readonly attention?: AttentionReason;
  /** For the operators (no personal data). */
  readonly note: string;
}

export const LATE_PAYMENT_PLANS: readonly LatePaymentPlan[] = [
  { status: 'paid', takeStock: true, countTowardYear: true, note: 'paid after its reservation lapsed; the units were taken again from stock' },
  {
    status: 'paid_needs_attention', takeStock: false, countTowardYear: true, attention: 'stock_gone',
    note: 'paid after its reservation lapsed and the stock was gone: restock and ship, or refund',
  },
  {
    status: 'paid_needs_attention', takeStock: false, countTowardYear: false, attention: 'allowance_gone',
    note: 'paid after its reservation lapsed and the buyer’s yearly cross-border allowance was used up meanwhile: refund (it cannot be declared)',
  },
];

export function addMinutes(iso: string, minutes: number): string {
  return new Date(Date.parse(iso) + minutes * 60_000).toISOString();
}
