import { addMinutes, SESSION_GRACE_MINUTES } from '../domain/order.js';
import type { Clock } from '../ports/clock.js';
import type { OrderStore } from '../ports/order-store.js';
import type { PaymentGateway } from '../ports/payment-gateway.js';
import type { Telemetry } from '../ports/telemetry.js';
import { closePaymentSession, releaseUnpaidOrder } from './release-unpaid-order.js';

export interface SweepDeps {
  readonly orders: OrderStore;
  readonly payments: PaymentGateway;
  readonly clock?: Clock;
  readonly telemetry: Telemetry;
}

export interface SweepReport {
  readonly released: number;
  /** Sessions the shopper completed whose payment is still on its way: looked at again a day later. */
  readonly postponed: number;
  readonly skipped: number;
}

/** Up to this many lapsed orders per run; the timer (or schedule) runs again soon. */
const BATCH = 200;

/** A completed session whose payment has not settled (async methods) is looked at again this much later. */
const ASYNC_PAYMENT_WAIT_MINUTES = 24 * 60;

/**
 * Releases the stock of orders nobody paid, whether or not Stripe's checkout.session.expired
 * ever arrives. Finds them with a Query on the pending-orders index (never a Scan), closes each
 * Stripe session first so it can no longer be paid, then releases in the same conditional
 * transaction the webhook uses: a sweep racing another sweep or the webhook releases once.
 */
export async function sweepExpiredOrders(deps: SweepDeps, now: Date = deps.clock?.now() ?? new Date()): Promise<SweepReport> {
  const cutoff = now.toISOString();
  let released = 0;
  let postponed = 0;
  let skipped = 0;
  for (const candidate of await deps.orders.listLapsed(cutoff, BATCH)) {
    // The index is eventually consistent: decide from the order itself.
    const stored = await deps.orders.get(candidate.orderId);
    const order = stored?.order;
    if (!order || order.status !== 'pending_payment' || order.expiresAt >= cutoff) {
      skipped++;
      continue;
    }
    const session = await closePaymentSession(deps, order);
    if (session === 'complete') {
      await deps.orders.postponeExpiry(order.orderId, addMinutes(cutoff, ASYNC_PAYMENT_WAIT_MINUTES));
      postponed++;
      continue;
    }
    // Stripe's session outlives the reservation by a grace minute; past it the session cannot be paid anyway.
    if (session === 'unreachable' && addMinutes(order.expiresAt, SESSION_GRACE_MINUTES) > cutoff) {
      skipped++;
      continue;
    }
    if (await releaseUnpaidOrder(deps.orders, order, 'expired', { now: cutoff, note: 'the reservation lapsed unpaid' })) released++;
    else skipped++;
  }
  const report = { released, postponed, skipped };
  deps.telemetry.info('sweep finished', report);
  // Only a sweep that released something counts: a quiet sweep every few minutes adds no data point.
  if (released > 0) deps.telemetry.count('ReservationsReleased', released);
  return report;
}
