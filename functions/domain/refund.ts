import { apportion } from './freight.js';
import type { Money } from './money.js';
import type { LineFulfilment, Order, OrderLine, OrderStatus } from './order.js';
import type { PavilionCode } from './pavilion.js';
import type { LineReturn, ReturnCondition } from './returns.js';

/**
 * Refunds, decided here and carried out by the refund store (adapters/dynamodb/refund-store.ts) in
 * one transaction each, as payments are (order.ts decide()):
 *
 * 1. A request (the shopper cancels, a pavilion refunds a line, a returned line comes back, an
 *    operator refunds) is planned here: which lines, how much, and what the lines' units and the
 *    buyer's yearly allowance will do. The store writes the refund record (`requested`), the lines'
 *    refund state and the order's committed refunds together; the lines stop shipping at once.
 * 2. The provider is asked for the money (an idempotency key made from the refund id).
 * 3. Only the provider's event settles it (decideRefund): `succeeded` moves the units and gives the
 *    allowance back, once, with the event's id in the same transaction; `failed` counts nothing and
 *    leaves the refund where operators look.
 *
 * Amounts: a line's refund is its charged goods plus its exact shares of the order's freight and tax
 * in the order's currency (lineShares): the shares of all lines add up to the order's total, and a
 * line is refunded at most once (a failed refund may be replaced), so refunds never pass the total.
 */

/** Refund ids are ours (RFD-…), written into the provider's refund metadata so its events find the record. */
export const REFUND_ID = /^RFD-[0-9A-HJKMNP-TV-Z]{16}$/;

export const REFUND_STATUSES = ['requested', 'succeeded', 'failed'] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

/** What started a refund: the cause decides what happens to the line's units and the buyer's allowance. */
export const REFUND_CAUSES = ['cancellation', 'pavilion', 'return', 'operator'] as const;
export type RefundCause = (typeof REFUND_CAUSES)[number];

/**
 * Why a pavilion refunds a line it has not shipped. Out of stock: the units it sold were not there;
 * damaged: they cannot be sold. Either way they do not go back on sale. Other (it cannot ship in
 * time, the shopper asked): the units are there and go back to stock.
 */
export const PAVILION_REFUND_REASONS = ['out_of_stock', 'damaged', 'other'] as const;
export type PavilionRefundReason = (typeof PAVILION_REFUND_REASONS)[number];

/**
 * What a refunded line's units do once the refund is confirmed:
 * - restock:   sold -> stock, the goods are at the pavilion and can be sold again;
 * - write_off: they leave `sold` and do not come back (never there, or unsellable);
 * - none:      the order never held them (paid after its reservation lapsed and the stock was gone),
 *              or they went to China and stay there.
 */
export type UnitsBack = 'restock' | 'write_off' | 'none';

export interface RefundLine {
  readonly lineNo: number;
  readonly productId: string;
  readonly quantity: number;
  /** In the order's currency: goods + freight + tax = amount. */
  readonly goods: Money;
  readonly freight: Money;
  readonly tax: Money;
  readonly amount: Money;
  /** CNY the buyer's yearly count gets back once the refund is confirmed (0 when the goods crossed and stay). */
  readonly allowanceBack: Money;
  readonly units: UnitsBack;
}

/** Who asked: the shopper holds the order's token; managers and operators by their token's opaque subject. */
export type RefundActor =
  | { readonly role: 'shopper' }
  | { readonly role: 'pavilion'; readonly pavilion: PavilionCode; readonly subject: string }
  | { readonly role: 'operator'; readonly subject: string };

/** A refund record: one request to the provider for one or more of an order's lines. */
export interface Refund {
  readonly refundId: string;
  readonly orderId: string;
  readonly cause: RefundCause;
  /** A code (requested_by_customer, out_of_stock, damaged, other, returned) or an operator's words. */
  readonly reason: string;
  readonly note?: string;
  readonly status: RefundStatus;
  /** In the order's currency: the lines' amounts added up. */
  readonly amount: Money;
  /** CNY: the lines' allowance added up. */
  readonly allowanceBack: Money;
  readonly lines: readonly RefundLine[];
  readonly requestedBy: RefundActor;
  readonly requestedAt: string;
  /** The provider's refund (Stripe's re_…), once it took the request. */
  readonly providerRefundId?: string;
  readonly sentAt?: string;
  readonly succeededAt?: string;
  readonly failedAt?: string;
  /** The provider's reason, or its refusal (no personal data). */
  readonly failureReason?: string;
  /** The refund that took this failed one's lines over. */
  readonly retriedBy?: string;
}

/** What a line keeps of its current refund (the record holds the rest). */
export interface LineRefund {
  readonly refundId: string;
  readonly status: RefundStatus;
  readonly cause: RefundCause;
  readonly amount: Money;
  readonly requestedAt: string;
  readonly settledAt?: string;
}

/** One line's exact part of what the order charged, and of what it counts toward the buyer's year. */
export interface LineShare {
  readonly lineNo: number;
  readonly goods: Money;
  readonly freight: Money;
  readonly tax: Money;
  readonly amount: Money;
  /** CNY: the line's part of the order's allowance claim (its dutiable value). */
  readonly dutiable: Money;
}

type ShareOrder = Pick<Order, 'currency' | 'total'> & Partial<Pick<Order, 'goods' | 'freight' | 'tax' | 'allowance'>>;
type ShareLine = Pick<OrderLine, 'lineNo' | 'quantity' | 'chargedUnitPrice'> & Partial<Pick<OrderLine, 'freightCny' | 'taxCny' | 'dutiableCny'>>;

/**
 * Each line's goods, freight and tax in the order's currency, and its part of the allowance claim.
 * Goods are what the line charged (unit × quantity, as the payment's line items); freight and tax
 * were charged as two sums converted from yuan, so each is split in proportion to the lines' yuan
 * figures with `apportion`: the shares add up exactly to the order's freight, tax and total.
 */
export function lineShares(order: ShareOrder, lines: readonly ShareLine[]): LineShare[] {
  const currency = order.currency;
  // Orders placed before freight and tax were itemised charged goods only.
  const goodsTotal = (order.goods ?? order.total).amount;
  const charged = lines.map((line) => line.chargedUnitPrice.amount * line.quantity);
  const goods = charged.reduce((sum, amount) => sum + amount, 0) === goodsTotal ? charged : apportion(goodsTotal, charged);
  const freight = apportion(order.freight?.amount ?? 0, lines.map((line) => line.freightCny?.amount ?? 0));
  const tax = apportion(order.tax?.amount ?? 0, lines.map((line) => line.taxCny?.amount ?? 0));
  const dutiable = apportion(order.allowance?.counted.amount ?? 0, lines.map((line) => line.dutiableCny?.amount ?? 0));
  const inOrder = (amount: number): Money => ({ amount, currency });
  return lines.map((line, index) => {
    const g = goods[index] ?? 0;
    const f = freight[index] ?? 0;
    const t = tax[index] ?? 0;
    return { lineNo: line.lineNo, goods: inOrder(g), freight: inOrder(f), tax: inOrder(t), amount: inOrder(g + f + t), dutiable: { amount: dutiable[index] ?? 0, currency: 'CNY' } };
  });
}

/**
 * What a paid order holds that a refund can give back. A late payment that found the stock gone took
 * no units; one that found the buyer's year full was not counted (order.ts LATE_PAYMENT_PLANS).
 */
export function holdingsOf(order: Pick<Order, 'attention'> & Partial<Pick<Order, 'allowance'>>): { readonly units: boolean; readonly counted: boolean } {
  return { units: !order.attention, counted: Boolean(order.allowance) && order.attention !== 'allowance_gone' };
}

/** Statuses whose money was taken: there is something to refund. */
const PAID_STATUSES: ReadonlySet<OrderStatus> = new Set(['paid', 'paid_needs_attention', 'partially_refunded', 'refunded', 'cancelled']);

/** A line may get a (new) refund when it has none, or its last one failed. */
export function openForRefund(line: Pick<OrderLine, 'refund'>): boolean {
  return !line.refund || line.refund.status === 'failed';
}

/** Why a refund is refused, as the use cases and their problem tables name it. */
export type RefundRefusal =
  /** Nothing was paid, or the order closed unpaid. */
  | { readonly reason: 'not_paid'; readonly status: OrderStatus }
  | { readonly reason: 'order_cancelled' }
  /** Every line is refunded already. */
  | { readonly reason: 'order_refunded' }
  /** Shipped lines are not cancelled or refunded by the pavilion: the shopper returns them. */
  | { readonly reason: 'line_shipped'; readonly lineNo: number }
  /** The line's refund is under way or done. */
  | { readonly reason: 'line_refunded'; readonly lineNo: number; readonly status: RefundStatus }
  | { readonly reason: 'no_such_line'; readonly lineNo: number }
  /** Every line left has a refund under way. */
  | { readonly reason: 'nothing_to_refund' };

/** One line as the request changes it; `previousRefundId` is the failed refund it replaces. */
export interface PlannedLine {
  readonly lineNo: number;
  /** The line's pavilion: a paid line whose fulfilment changes moves within that pavilion's queue. */
  readonly pavilion: PavilionCode;
  /** The line's fulfilment as read (the store's condition) and as it becomes. */
  readonly fulfilmentWas: LineFulfilment;
  readonly fulfilment: LineFulfilment;
  readonly refund: LineRefund;
  readonly previousRefundId?: string;
  /** Set when a returned line comes back (returns.ts): its return as read and as it becomes. */
  readonly returnWas?: LineReturn;
  readonly returnRequest?: LineReturn;
}

/** What one refund request writes, in one transaction. */
export interface RefundRequestPlan {
  readonly refund: Refund;
  /** The order's status as read (the store's condition) and as it becomes: cancelled, or unchanged. */
  readonly statusWas: OrderStatus;
  readonly status: OrderStatus;
  readonly cancelledAt?: string;
  /** The order's committed refunds as read and as they become (never past the total). */
  readonly committedWas: Money;
  readonly committed: Money;
  readonly lines: readonly PlannedLine[];
}

export interface RequestContext {
  readonly refundId: string;
  readonly now: string;
  readonly actor: RefundActor;
}

type Stored = { readonly order: Order; readonly lines: readonly OrderLine[]; readonly refunds?: readonly Refund[] };

const zero = (currency: Money['currency']): Money => ({ amount: 0, currency });

/** What each covered line does: its units and its allowance once confirmed, and its fulfilment now. */
interface LineEffect {
  readonly line: OrderLine;
  readonly units: UnitsBack;
  readonly allowance: boolean;
  readonly fulfilment: LineFulfilment;
  readonly returnRequest?: LineReturn;
}

function planOf(
  stored: Stored,
  effects: readonly LineEffect[],
  context: RequestContext & { readonly cause: RefundCause; readonly reason: string; readonly note?: string; readonly cancel: boolean },
): RefundRequestPlan {
  const { order } = stored;
  const shares = new Map(lineShares(order, stored.lines).map((share) => [share.lineNo, share]));
  const refundLines: RefundLine[] = effects.map(({ line, units, allowance }) => {
    const share = shares.get(line.lineNo)!;
    return {
      lineNo: line.lineNo, productId: line.productId, quantity: line.quantity,
      goods: share.goods, freight: share.freight, tax: share.tax, amount: share.amount,
      allowanceBack: allowance ? share.dutiable : { amount: 0, currency: 'CNY' },
      units,
    };
  });
  const amount: Money = { amount: refundLines.reduce((sum, line) => sum + line.amount.amount, 0), currency: order.currency };
  const refund: Refund = {
    refundId: context.refundId,
    orderId: order.orderId,
    cause: context.cause,
    reason: context.reason,
    ...(context.note ? { note: context.note } : {}),
    status: 'requested',
    amount,
    allowanceBack: { amount: refundLines.reduce((sum, line) => sum + line.allowanceBack.amount, 0), currency: 'CNY' },
    lines: refundLines,
    requestedBy: context.actor,
    requestedAt: context.now,
  };
  const committedWas = order.refundsCommitted ?? zero(order.currency);
  return {
    refund,
    statusWas: order.status,
    status: context.cancel ? 'cancelled' : order.status,
    ...(context.cancel ? { cancelledAt: context.now } : {}),
    committedWas,
    committed: { amount: committedWas.amount + amount.amount, currency: order.currency },
    lines: effects.map(({ line, fulfilment, returnRequest }, index) => ({
      lineNo: line.lineNo,
      pavilion: line.pavilion,
      fulfilmentWas: line.fulfilment,
      fulfilment,
      refund: { refundId: context.refundId, status: 'requested', cause: context.cause, amount: refundLines[index]!.amount, requestedAt: context.now },
      ...(line.refund ? { previousRefundId: line.refund.refundId } : {}),
      ...(returnRequest ? { returnWas: line.returnRequest, returnRequest } : {}),
    })),
  };
}

/** What the failed refund a line's new one replaces decided for its units, so a retry does the same. */
function previousEffect(stored: Stored, line: OrderLine): RefundLine | undefined {
  if (!line.refund) return undefined;
  return stored.refunds?.find((refund) => refund.refundId === line.refund?.refundId)?.lines.find((entry) => entry.lineNo === line.lineNo);
}

export type CancellationDecision =
  /** Unpaid: close its payment session, then release the reservation (no refund). */
  | { readonly kind: 'release' }
  /** Cancelled already: answer as before (and send its refund again if the provider never took it). */
  | { readonly kind: 'already_cancelled' }
  | { readonly kind: 'refund'; readonly plan: RefundRequestPlan }
  | { readonly kind: 'refused'; readonly refusal: RefundRefusal };

/**
 * The shopper cancels. Unpaid: the reservation is released. Paid and nothing shipped: the order is
 * cancelled now (its lines stop shipping), and one refund covers every line not already refunded, so a
 * cancellation of an order never refunded before refunds exactly its total. Once it is confirmed the
 * units go back to stock and the allowance to the buyer's year. Any line shipped: refused.
 */
export function decideCancellation(stored: Stored, context: RequestContext): CancellationDecision {
  const { order, lines } = stored;
  switch (order.status) {
    case 'pending_payment':
      return { kind: 'release' };
    case 'cancelled':
      return { kind: 'already_cancelled' };
    case 'expired':
    case 'payment_failed':
      return { kind: 'refused', refusal: { reason: 'not_paid', status: order.status } };
    case 'refunded':
      return { kind: 'refused', refusal: { reason: 'order_refunded' } };
    case 'paid':
    case 'paid_needs_attention':
    case 'partially_refunded': {
      const shipped = lines.find((line) => line.fulfilment === 'shipped');
      if (shipped) return { kind: 'refused', refusal: { reason: 'line_shipped', lineNo: shipped.lineNo } };
      const open = lines.filter(openForRefund);
      if (open.length === 0) return { kind: 'refused', refusal: { reason: 'nothing_to_refund' } };
      const holdings = holdingsOf(order);
      const effects = open.map((line): LineEffect => ({ line, units: holdings.units ? 'restock' : 'none', allowance: holdings.counted, fulfilment: 'cancelled' }));
      return { kind: 'refund', plan: planOf(stored, effects, { ...context, cause: 'cancellation', reason: 'requested_by_customer', cancel: true }) };
    }
  }
}

export type LineRefundDecision = { readonly kind: 'refund'; readonly plan: RefundRequestPlan } | { readonly kind: 'refused'; readonly refusal: RefundRefusal };

/**
 * A pavilion refunds one of its lines before shipping it (out of stock, damaged, or another reason),
 * with its share of freight and tax. The line stops shipping now; once confirmed, the buyer's year
 * gets the line's dutiable value back (it never crosses), and its units go back to stock only when
 * they are there to sell (reason `other`).
 */
export function decidePavilionRefund(stored: Stored, lineNo: number, reason: PavilionRefundReason, note: string | undefined, context: RequestContext): LineRefundDecision {
  const { order } = stored;
  const line = stored.lines.find((candidate) => candidate.lineNo === lineNo);
  if (!line) return { kind: 'refused', refusal: { reason: 'no_such_line', lineNo } };
  if (order.status === 'cancelled') return { kind: 'refused', refusal: { reason: 'order_cancelled' } };
  if (!openForRefund(line)) return { kind: 'refused', refusal: { reason: 'line_refunded', lineNo, status: line.refund!.status } };
  if (line.fulfilment === 'shipped') return { kind: 'refused', refusal: { reason: 'line_shipped', lineNo } };
  if (line.fulfilment !== 'to_ship' && line.fulfilment !== 'cancelled') return { kind: 'refused', refusal: { reason: 'not_paid', status: order.status } };
  const holdings = holdingsOf(order);
  const units: UnitsBack = !holdings.units ? 'none' : reason === 'other' ? 'restock' : 'write_off';
  const effects: LineEffect[] = [{ line, units, allowance: holdings.counted, fulfilment: 'cancelled' }];
  return { kind: 'refund', plan: planOf(stored, effects, { ...context, cause: 'pavilion', reason, ...(note ? { note } : {}), cancel: false }) };
}

/**
 * A returned line is back at its pavilion: refunded in full, its tax included (tax is not charged for
 * returned goods), the buyer's allowance restored (CROSS-BORDER rules: returns within 30 days of
 * clearance). Its units go back to stock when the pavilion found them resellable.
 */
export function decideReturnRefund(stored: Stored, lineNo: number, received: LineReturn & { readonly condition: ReturnCondition }, context: RequestContext): LineRefundDecision {
  const line = stored.lines.find((candidate) => candidate.lineNo === lineNo);
  if (!line) return { kind: 'refused', refusal: { reason: 'no_such_line', lineNo } };
  if (!openForRefund(line)) return { kind: 'refused', refusal: { reason: 'line_refunded', lineNo, status: line.refund!.status } };
  const holdings = holdingsOf(stored.order);
  const units: UnitsBack = !holdings.units ? 'none' : received.condition === 'resellable' ? 'restock' : 'write_off';
  const effects: LineEffect[] = [{ line, units, allowance: holdings.counted, fulfilment: line.fulfilment, returnRequest: { ...received, refundId: context.refundId } }];
  return { kind: 'refund', plan: planOf(stored, effects, { ...context, cause: 'return', reason: 'returned', cancel: false }) };
}

export interface OperatorRefundRequest {
  /** One line, or (omitted) every line not refunded yet. */
  readonly lineNo?: number;
  readonly reason: string;
  /** For lines not shipped: false keeps their units off sale (write-off). Shipped lines never restock. */
  readonly restock?: boolean;
}

/**
 * An operator refunds an order or a line, for any reason (a late payment that could not be
 * fulfilled, a parcel lost, a failed refund to try again). A line that failed before does what its
 * failed refund would have done. Otherwise: an unshipped line stops shipping, its units go back to
 * stock (unless restock is false) and its allowance back; a shipped line's goods are in China, so
 * only the money comes back; a returned one is treated as a return. Refunding a whole order before
 * anything shipped cancels it.
 */
export function decideOperatorRefund(stored: Stored, request: OperatorRefundRequest, context: RequestContext): LineRefundDecision {
  const { order, lines } = stored;
  if (!PAID_STATUSES.has(order.status)) return { kind: 'refused', refusal: { reason: 'not_paid', status: order.status } };
  let covered: OrderLine[];
  if (request.lineNo !== undefined) {
    const line = lines.find((candidate) => candidate.lineNo === request.lineNo);
    if (!line) return { kind: 'refused', refusal: { reason: 'no_such_line', lineNo: request.lineNo } };
    if (!openForRefund(line)) return { kind: 'refused', refusal: { reason: 'line_refunded', lineNo: line.lineNo, status: line.refund!.status } };
    covered = [line];
  } else {
    covered = lines.filter(openForRefund);
    if (covered.length === 0) return { kind: 'refused', refusal: order.status === 'refunded' ? { reason: 'order_refunded' } : { reason: 'nothing_to_refund' } };
  }
  const holdings = holdingsOf(order);
  const effects = covered.map((line): LineEffect => {
    const previous = previousEffect(stored, line);
    if (previous) return { line, units: previous.units, allowance: previous.allowanceBack.amount > 0, fulfilment: line.fulfilment === 'shipped' ? 'shipped' : 'cancelled' };
    if (line.returnRequest?.status === 'received') {
      return { line, units: !holdings.units ? 'none' : line.returnRequest.condition === 'resellable' ? 'restock' : 'write_off', allowance: holdings.counted, fulfilment: 'shipped' };
    }
    if (line.fulfilment === 'shipped') return { line, units: 'none', allowance: false, fulfilment: 'shipped' };
    return { line, units: !holdings.units ? 'none' : request.restock === false ? 'write_off' : 'restock', allowance: holdings.counted, fulfilment: 'cancelled' };
  });
  // Cancelled already (a failed cancellation tried again): it stays cancelled, from when it was.
  const cancel = request.lineNo === undefined && !lines.some((line) => line.fulfilment === 'shipped') && order.status !== 'refunded' && order.status !== 'cancelled';
  return { kind: 'refund', plan: planOf(stored, effects, { ...context, cause: 'operator', reason: request.reason, cancel }) };
}

/** What the provider says a refund did, in our words (ports/payment-gateway.ts RefundReport). */
export type ReportedRefundStatus = 'pending' | 'succeeded' | 'failed';

/**
 * What a provider's report does to a refund. Reports are applied as a lattice, requested < succeeded
 * < failed, so any mix of repeated and reordered events ends in the same state: a pending report
 * after the outcome changes nothing, and a failure after a success (the provider can fail a refund it
 * had shown as succeeded) turns it failed.
 * - succeed: the money is back: the refund counts (units, allowance, the order's refunded total).
 * - fail:    it never went through: nothing counted, the lines' commitment is released, operators see it.
 * - reverse: it had counted: all of it is undone (the units go back to sold, the allowance is counted
 *            again, the refunded total shrinks), so a failed refund has counted nothing, whatever
 *            order its events came in. (Restocked units sold again meanwhile cannot be taken back:
 *            the store skips them and says so.)
 */
export type RefundSettlement =
  | { readonly kind: 'succeed' }
  | { readonly kind: 'fail' }
  | { readonly kind: 'reverse' }
  | { readonly kind: 'none'; readonly reason: string };

export function decideRefund(refund: Pick<Refund, 'status'>, reported: ReportedRefundStatus): RefundSettlement {
  switch (refund.status) {
    case 'requested':
      if (reported === 'succeeded') return { kind: 'succeed' };
      if (reported === 'failed') return { kind: 'fail' };
      return { kind: 'none', reason: 'refund still pending' };
    case 'succeeded':
      if (reported === 'failed') return { kind: 'reverse' };
      return { kind: 'none', reason: 'refund already succeeded' };
    case 'failed':
      return { kind: 'none', reason: 'refund already failed' };
  }
}

/** Units to move on one product when a refund succeeds (or, `undo`, when a success is reversed). */
export interface UnitsMove {
  readonly productId: string;
  readonly quantity: number;
  readonly units: Exclude<UnitsBack, 'none'>;
  readonly undo: boolean;
}

/** What settling a refund writes, in one transaction with the event's id. */
export interface RefundSettlementPlan {
  readonly refundStatusWas: RefundStatus;
  readonly refundStatus: 'succeeded' | 'failed';
  readonly statusWas: OrderStatus;
  readonly status: OrderStatus;
  readonly refundedWas: Money;
  readonly refunded: Money;
  readonly committedWas: Money;
  readonly committed: Money;
  /** The lines whose current refund this is (a later retry may have replaced it on others). */
  readonly lines: readonly { readonly lineNo: number; readonly refund: LineRefund; readonly returnRequest?: LineReturn }[];
  readonly moves: readonly UnitsMove[];
  /** CNY the buyer's year gets back (negative: counted again, when a success is reversed). */
  readonly allowanceBack: Money;
}

/**
 * The order's status once its lines' refunds are as given: cancelled stays cancelled; every line
 * refunded: refunded; some: partially_refunded; none: paid again (or waiting for an operator).
 */
export function statusAfterRefunds(order: Pick<Order, 'status' | 'attention'>, lines: readonly Pick<OrderLine, 'refund'>[]): OrderStatus {
  if (order.status === 'cancelled') return 'cancelled';
  const succeeded = lines.filter((line) => line.refund?.status === 'succeeded').length;
  if (succeeded > 0 && succeeded === lines.length) return 'refunded';
  if (succeeded > 0) return 'partially_refunded';
  if (order.status === 'partially_refunded' || order.status === 'refunded') return order.attention ? 'paid_needs_attention' : 'paid';
  return order.status;
}

export function planSettlement(stored: Stored, refund: Refund, settlement: Exclude<RefundSettlement, { kind: 'none' }>, now: string): RefundSettlementPlan {
  const { order } = stored;
  const refundStatus = settlement.kind === 'succeed' ? 'succeeded' : 'failed';
  const own = new Set(stored.lines.filter((line) => line.refund?.refundId === refund.refundId).map((line) => line.lineNo));
  const lines = stored.lines.map((line) =>
    own.has(line.lineNo) ? { ...line, refund: { ...line.refund!, status: refundStatus, settledAt: now } as LineRefund } : line,
  );
  const refundedWas = order.refunded ?? zero(order.currency);
  const committedWas = order.refundsCommitted ?? zero(order.currency);
  const amount = refund.amount.amount;
  const succeeds = settlement.kind === 'succeed';
  const undo = settlement.kind === 'reverse';
  const moves: UnitsMove[] =
    succeeds || undo ? refund.lines.flatMap((line) => (line.units === 'none' ? [] : [{ productId: line.productId, quantity: line.quantity, units: line.units, undo }])) : [];
  return {
    refundStatusWas: refund.status,
    refundStatus,
    statusWas: order.status,
    status: statusAfterRefunds(order, lines),
    refundedWas,
    refunded: { amount: refundedWas.amount + (succeeds ? amount : settlement.kind === 'reverse' ? -amount : 0), currency: order.currency },
    committedWas,
    committed: { amount: committedWas.amount - (succeeds ? 0 : amount), currency: order.currency },
    lines: lines
      .filter((line) => own.has(line.lineNo))
      .map((line) => ({
        lineNo: line.lineNo,
        refund: line.refund!,
        ...(succeeds && line.returnRequest?.refundId === refund.refundId ? { returnRequest: { ...line.returnRequest, status: 'refunded' as const, refundedAt: now } } : {}),
      })),
    moves,
    allowanceBack: { amount: succeeds ? refund.allowanceBack.amount : undo ? -refund.allowanceBack.amount : 0, currency: 'CNY' },
  };
}
