import type { OrderLineView, OrderView } from '../cart/api-types.js';

/**
 * What the order page offers and says after the sale, decided from the order answer alone
 * (the rules themselves are the API's: functions/domain/refund.ts and functions/domain/returns.ts).
 */

/** Paid orders the shopper may still cancel: nothing shipped, and some line not refunded yet (the API answers 409 otherwise). */
export function canCancel(order: Pick<OrderView, 'status' | 'lines'>): boolean {
  if (order.status !== 'paid' && order.status !== 'paid_needs_attention' && order.status !== 'partially_refunded') return false;
  if (order.lines.some((line) => line.fulfilment === 'shipped')) return false;
  return order.lines.some((line) => line.fulfilment === 'to_ship' && (!line.refund || line.refund.status === 'failed'));
}

/** What a cancellation gives back: the total less every refund asked for or made (a failed one gave nothing back). */
export function leftToRefund(order: Pick<OrderView, 'total' | 'refunds'>): OrderView['total'] {
  const given = order.refunds.filter((refund) => refund.status !== 'failed').reduce((sum, refund) => sum + refund.amount.amount, 0);
  return { amount: Math.max(0, order.total.amount - given), currency: order.total.currency };
}

/** Whether money is on its way back and the payment provider has not confirmed it yet: the page keeps asking then. */
export function refundUnderway(order: Pick<OrderView, 'refunds'>): boolean {
  return order.refunds.some((refund) => refund.status === 'requested');
}

export type Tone = 'info' | 'ok' | 'warn' | 'bad';

/** A refund's chip: confirmed is done, asked for is news, failed waits for our staff. */
export function refundTone(status: OrderView['refunds'][number]['status']): Tone {
  if (status === 'succeeded') return 'ok';
  return status === 'failed' ? 'warn' : 'info';
}

/** A return's note: declined is bad news, refunded done, the steps between are news. */
export function returnTone(status: NonNullable<OrderLineView['return']>['status']): Tone {
  if (status === 'refunded') return 'ok';
  return status === 'declined' ? 'bad' : 'info';
}

/**
 * The text key for a refused cancel or return: the API names each refusal in `reason`
 * (functions/http/after-sale-problems.ts, functions/http/order-app.ts); what it does not name is said by status.
 */
const NAMED_REFUSALS = new Set([
  'line_shipped', 'payment_in_progress', 'provider_failed', 'order_cancelled', 'order_refunded', 'nothing_to_refund',
  'return_window_closed', 'return_exists', 'not_shipped', 'line_refunded', 'not_paid',
]);

export function refusalKey(status: number, reason: string | undefined): string {
  if (reason && NAMED_REFUSALS.has(reason)) return `order.problem.${reason === 'nothing_to_refund' ? 'order_refunded' : reason}`;
  if (status === 0) return 'order.problem.network';
  if (status === 400) return 'order.problem.invalid';
  if (status === 404) return 'order.notFoundTitle';
  return 'order.problem.other';
}
