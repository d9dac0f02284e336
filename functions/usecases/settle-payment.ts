import { decide, ORDER_ID, type OrderStatus } from '../domain/order.js';
import type { Clock } from '../ports/clock.js';
import { EventAlreadyProcessedError, OrderChangedError, type OrderStore } from '../ports/order-store.js';
import type { PaymentEvent } from '../ports/payment-gateway.js';

export type SettleResult =
  | { readonly result: 'applied'; readonly status: OrderStatus }
  | { readonly result: 'duplicate' | 'no_change' | 'ignored' | 'unknown_order' }
  | { readonly result: 'mismatch'; readonly reason: string };

const MAX_ATTEMPTS = 5;

/**
 * Applies a verified payment event to its order, at most once per event id, whatever order and
 * however often events arrive: each attempt reads the order, decides from its current status and
 * writes conditioned on that status together with the event id, so a race only means deciding again.
 */
export async function settlePaymentEvent(deps: { orders: OrderStore; clock: Clock }, event: PaymentEvent): Promise<SettleResult> {
  if (!event.outcome) return { result: 'ignored' };
  if (!event.orderId || !ORDER_ID.test(event.orderId)) {
    log('warn', 'payment event for no order of ours', { eventId: event.eventId, type: event.type });
    return { result: 'unknown_order' };
  }
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const stored = await deps.orders.get(event.orderId);
    if (!stored) {
      log('warn', 'payment event for an unknown order', { eventId: event.eventId, type: event.type, orderId: event.orderId });
      return { result: 'unknown_order' };
    }
    const { order } = stored;
    const mismatch =
      order.paymentSessionId && event.sessionId && order.paymentSessionId !== event.sessionId
        ? 'session'
        : !event.amount || event.amount.currency !== order.total.currency
          ? 'currency'
          : event.amount.amount !== order.total.amount
            ? 'amount'
            : null;
    if (mismatch) {
      // Amounts are not personal data; the shopper's email never appears in logs.
      log('error', 'payment event does not match its order; refused', {
        eventId: event.eventId, type: event.type, orderId: order.orderId, mismatch, expected: order.total, received: event.amount,
      });
      return { result: 'mismatch', reason: `the event's ${mismatch} does not match the order` };
    }
    const decision = decide(order, event.outcome);
    if (decision.kind === 'none') return { result: 'no_change' };
    try {
      const status = await deps.orders.apply(order, decision, { now: deps.clock.now().toISOString(), eventId: event.eventId });
      log('info', 'payment event applied', { eventId: event.eventId, type: event.type, orderId: order.orderId, from: order.status, to: status });
      return { result: 'applied', status };
    } catch (error) {
      if (error instanceof EventAlreadyProcessedError) return { result: 'duplicate' };
      if (error instanceof OrderChangedError) continue;
      throw error;
    }
  }
  throw new Error(`Order ${event.orderId} kept changing while event ${event.eventId} was applied`);
}

function log(level: 'info' | 'warn' | 'error', message: string, fields: Record<string, unknown>): void {
  const line = JSON.stringify({ level, message, ...fields });
  if (level === 'error') console.error(line);
  else if (level === 'warn') console.warn(line);
  else console.info(line);
}
