import { addMinutes, SESSION_GRACE_MINUTES } from '../domain/order.js';
import type { Clock } from '../ports/clock.js';
import type { OrderStore } from '../ports/order-store.js';
import type { PaymentGateway } from '../ports/payment-gateway.js';
import { maskEmails, type Telemetry } from '../ports/telemetry.js';
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
  /** Orders that threw: each is left as it was for the next run, and counted for the alarm. */
  readonly failed: number;
}

type Outcome = 'released' | 'postponed' | 'skipped';

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
  const tally = { released: 0, postponed: 0, skipped: 0, failed: 0 };
  for (const candidate of await deps.orders.listLapsed(cutoff, BATCH)) {
    // One order that cannot be handled must not keep every later reservation held.
    try {
      tally[await sweepOne(deps, candidate.orderId, cutoff)]++;
    } catch (error) {
      tally.failed++;
      deps.telemetry.error('sweep could not handle an order', { orderId: candidate.orderId, error: (error as Error).name, detail: maskEmails((error as Error).message) });
    }
  }
  deps.telemetry.info('sweep finished', tally);
  // Only a sweep that released something counts: a quiet sweep every few minutes adds no data point.
  if (tally.released > 0) deps.telemetry.count('ReservationsReleased', tally.released);
  if (tally.failed > 0) deps.telemetry.count('SweepOrderFailed', tally.failed);
  return tally;
}

async function sweepOne(deps: SweepDeps, orderId: string, cutoff: string): Promise<Outcome> {
  // The index is eventually consistent: decide from the order itself.
  const stored = await deps.orders.get(orderId);
  const order = stored?.order;
  if (!order || order.status !== 'pending_payment' || order.expiresAt >= cutoff) return 'skipped';
  const session = await closePaymentSession(deps, order);
  if (session === 'complete') {
    await deps.orders.postponeExpiry(order.orderId, addMinutes(cutoff, ASYNC_PAYMENT_WAIT_MINUTES));
    return 'postponed';
  }
  // Stripe's session outlives the reservation by a grace minute; past it the session cannot be paid anyway.
  if (session === 'unreachable' && addMinutes(order.expiresAt, SESSION_GRACE_MINUTES) > cutoff) return 'skipped';
  return (await releaseUnpaidOrder(deps.orders, order, 'expired', { now: cutoff, note: 'the reservation lapsed unpaid' })) ? 'released' : 'skipped';
}
